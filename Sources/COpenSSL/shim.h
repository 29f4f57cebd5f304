// OpenSSL's libcrypto for Swift: only the one-shot SHA-256 (hardware-accelerated where the
// processor offers it), for the journal's hash of every rendered message.
#ifndef KONTAKT_COPENSSL_SHIM_H
#define KONTAKT_COPENSSL_SHIM_H

#include <openssl/sha.h>

#endif

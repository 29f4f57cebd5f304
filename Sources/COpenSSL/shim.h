// OpenSSL's libcrypto for Swift: the one-shot SHA-256 (hardware-accelerated where the processor
// offers it), for the journal's hash of every rendered message, and HMAC-SHA-256 with a
// constant-time comparison, for the signed unsubscribe tokens.
#ifndef KONTAKT_COPENSSL_SHIM_H
#define KONTAKT_COPENSSL_SHIM_H

#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>

#endif

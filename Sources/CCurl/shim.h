// libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are C variadics, which Swift
// cannot call, so each argument type Kontakt passes gets a typed inline wrapper.
#ifndef KONTAKT_CCURL_SHIM_H
#define KONTAKT_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*kontakt_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*kontakt_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);

static inline CURLcode kontakt_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_callback(CURL *handle, CURLoption option, kontakt_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode kontakt_curl_set_debug_callback(CURL *handle, kontakt_curl_debug_callback value) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

static inline CURLcode kontakt_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif

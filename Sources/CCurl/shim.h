// libcurl's easy interface for Swift, loaded when first used (dlopen) instead of bound at every start of the
// program: libcurl and the ~30 libraries it needs cost ~5 ms of each start (BENCHMARKS.md, "The catalog sooner",
// run L), though a start that shows a saved page sends nothing. Only <curl/curl.h>'s types and constants are used
// from the headers; every call goes through `ccurl_api()`. curl_easy_setopt and curl_easy_getinfo are variadic,
// so they get typed wrappers here.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*ccurl_progress_callback)(void *context, curl_off_t download_total, curl_off_t downloaded,
                                       curl_off_t upload_total, curl_off_t uploaded);

/// The libcurl functions used, found in the library loaded at run time.
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
    /// What went wrong when the library or a function could not be found (then the pointers above are NULL).
    char failure[256];
    CURLcode init_code;
} ccurl_functions;

/// The one table (a function's own static: Swift's importer emits a header's functions, not its variables).
static inline ccurl_functions *ccurl_storage(void) {
    static ccurl_functions table;
    return &table;
}

static inline pthread_once_t *ccurl_once(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    return &once;
}

#define ccurl_table (*ccurl_storage())

static inline void ccurl_load_once(void) {
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *library = NULL;
    char first[160] = "";
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        const char *reason = library == NULL ? dlerror() : NULL;
        if (index == 0 && reason != NULL) snprintf(first, sizeof first, "%s", reason);
    }
    if (library == NULL) {
        snprintf(ccurl_table.failure, sizeof ccurl_table.failure,
                 "libcurl is needed to reach this store and could not be loaded (Debian: apt-get install libcurl4): %s",
                 first[0] ? first : "libcurl.so.4 not found");
        return;
    }
    ccurl_functions table = {0};
#define CCURL_FIND(field, symbol)                                                                                      \
    *(void **)(&table.field) = dlsym(library, symbol);                                                                \
    if (table.field == NULL) {                                                                                         \
        snprintf(ccurl_table.failure, sizeof ccurl_table.failure, "libcurl has no %s", symbol);                       \
        return;                                                                                                        \
    }
    CCURL_FIND(global_init, "curl_global_init")
    CCURL_FIND(easy_init, "curl_easy_init")
    CCURL_FIND(easy_cleanup, "curl_easy_cleanup")
    CCURL_FIND(easy_reset, "curl_easy_reset")
    CCURL_FIND(easy_perform, "curl_easy_perform")
    CCURL_FIND(easy_setopt, "curl_easy_setopt")
    CCURL_FIND(easy_getinfo, "curl_easy_getinfo")
    CCURL_FIND(easy_strerror, "curl_easy_strerror")
    CCURL_FIND(slist_append, "curl_slist_append")
    CCURL_FIND(slist_free_all, "curl_slist_free_all")
#undef CCURL_FIND
    table.init_code = table.global_init(CURL_GLOBAL_DEFAULT);
    ccurl_table = table;
}

/// Loads libcurl and runs its global init, once per process (any thread); NULL with `failure` set when it
/// could not be loaded or did not start (its message in `failure`).
static inline const ccurl_functions *ccurl_api(void) {
    pthread_once(ccurl_once(), ccurl_load_once);
    if (ccurl_table.easy_init == NULL) return NULL;
    return ccurl_table.init_code == CURLE_OK ? &ccurl_table : NULL;
}

/// Why `ccurl_api()` is NULL.
static inline const char *ccurl_failure(void) {
    pthread_once(ccurl_once(), ccurl_load_once);
    if (ccurl_table.easy_init != NULL && ccurl_table.init_code != CURLE_OK) return "libcurl did not start";
    return ccurl_table.failure;
}

static inline CURL *ccurl_easy_init(void) { return ccurl_table.easy_init(); }
static inline void ccurl_easy_cleanup(CURL *handle) { ccurl_table.easy_cleanup(handle); }
static inline void ccurl_easy_reset(CURL *handle) { ccurl_table.easy_reset(handle); }
static inline CURLcode ccurl_easy_perform(CURL *handle) { return ccurl_table.easy_perform(handle); }
static inline const char *ccurl_easy_strerror(CURLcode code) { return ccurl_table.easy_strerror(code); }
static inline struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line) {
    return ccurl_table.slist_append(list, line);
}
static inline void ccurl_slist_free_all(struct curl_slist *list) {
    if (list != NULL) ccurl_table.slist_free_all(list);
}

static inline CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value) {
    return ccurl_table.easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value) {
    return ccurl_table.easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return ccurl_table.easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_set_headers(CURL *handle, struct curl_slist *headers) {
    return ccurl_table.easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

static inline CURLcode ccurl_set_body(CURL *handle, const char *bytes, long length) {
    CURLcode code = ccurl_table.easy_setopt(handle, CURLOPT_POSTFIELDSIZE, length);
    return code != CURLE_OK ? code : ccurl_table.easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, bytes);
}

static inline CURLcode ccurl_set_write_function(CURL *handle, ccurl_data_callback function) {
    return ccurl_table.easy_setopt(handle, CURLOPT_WRITEFUNCTION, function);
}

static inline CURLcode ccurl_set_header_function(CURL *handle, ccurl_data_callback function) {
    return ccurl_table.easy_setopt(handle, CURLOPT_HEADERFUNCTION, function);
}

static inline CURLcode ccurl_set_progress_function(CURL *handle, ccurl_progress_callback function) {
    return ccurl_table.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, function);
}

static inline long ccurl_response_code(CURL *handle) {
    long code = 0;
    ccurl_table.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

#endif

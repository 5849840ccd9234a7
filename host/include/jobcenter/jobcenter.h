/* The C API of Jobcenter (libjobcenter.so, pkg-config jobcenter): a CRM opens a service with a config file, runs
 * any command by name with a JSON request and a bearer token, and gets the command's JSON reply. docs/c-api.md. */
#ifndef JOBCENTER_JOBCENTER_H
#define JOBCENTER_JOBCENTER_H

#ifdef __cplusplus
extern "C" {
#endif

/* What libjobcenter.so exports: these functions only. */
#if defined(__GNUC__)
#define JC_API __attribute__((visibility("default")))
#else
#define JC_API
#endif

/* An open service: the plugins, the token file and the database a config file names. Opaque. */
typedef struct jc_handle jc_handle;

/* How a call ended. The numbers are stable; each but JC_OK comes with {"error":{"kind","message","where"}}. */
typedef enum jc_status {
    JC_OK = 0,                /* the command's reply                                                  (HTTP 200) */
    JC_BAD_REQUEST = 1,       /* malformed JSON, not an object, a bad flag value, bad input data      (HTTP 400) */
    JC_UNAUTHENTICATED = 2,   /* no token, or no token in force has this secret                       (HTTP 401) */
    JC_FORBIDDEN = 3,         /* the token's role may not run the command, or the data is another unit's (403) */
    JC_NOT_FOUND = 4,         /* unknown command, orderer, client, unit; a config's missing file      (HTTP 404) */
    JC_REFUSED = 5,           /* understood but not allowed now: a domain rule, a conflicting state   (HTTP 409) */
    JC_TOO_LARGE = 6,         /* the request is longer than the config's max_body_bytes              (HTTP 413) */
    JC_SCRIPT_FAILED = 7,     /* a unit's Lua script failed                                           (HTTP 422) */
    JC_THROTTLED = 8,         /* too many failed tokens lately: refused without looking; try later    (HTTP 429) */
    JC_INTERNAL = 9,          /* a fault in Jobcenter                                                 (HTTP 500) */
    JC_BUSY = 10,             /* another process held the database's write lock past write_wait       (HTTP 503) */
    JC_INVALID_ARGUMENT = 11  /* a null pointer where the API needs one: nothing was run                          */
} jc_status;

/* Opens the service that `config_file` describes (the `key = value` file of `jobcenter serve --config`): loads
 * the plugins and the token file, opens and migrates the database. On JC_OK *handle is set and *error_json, when
 * error_json is not NULL, is NULL. Otherwise *handle is NULL and *error_json holds the error (free it with
 * jc_free). JC_INVALID_ARGUMENT when config_file or handle is NULL. */
JC_API jc_status jc_open(const char* config_file, jc_handle** handle, char** error_json);

/* Runs `command` ("register.check", "register.contact-add": the plugin's name, a dot, the command's joined name)
 * with `request_json` (a JSON object whose fields are the command's flags, '-' written '_', as
 * `jobcenter --input FILE` takes them) as the token whose secret is `token`. The unit and role are the token's
 * only, as over HTTP. *reply_json receives the command's JSON reply, or the error as JSON; free it with jc_free.
 * Every pointer must be non-NULL, else JC_INVALID_ARGUMENT (with *reply_json set when reply_json is not NULL).
 *
 * Thread safety: any number of threads may call jc_call on one handle at once. Reading commands run in parallel;
 * commands that write run one at a time, the others waiting their turn. jc_open, jc_free, jc_status_name and
 * jc_version may be called from any thread. */
JC_API jc_status jc_call(jc_handle* handle, const char* token, const char* command, const char* request_json,
                         char** reply_json);

/* Frees a text that jc_open or jc_call returned. NULL is allowed. */
JC_API void jc_free(char* text);

/* Closes the service and frees the handle. Call it once, only after every jc_call on the handle has returned.
 * NULL is allowed. */
JC_API void jc_close(jc_handle* handle);

/* The enumerator's name: "JC_OK", "JC_BAD_REQUEST", ...; "JC_UNKNOWN_STATUS" for a number that is none. */
JC_API const char* jc_status_name(jc_status status);

/* Jobcenter's version: "0.1.0". */
JC_API const char* jc_version(void);

#ifdef __cplusplus
}
#endif

#endif /* JOBCENTER_JOBCENTER_H */

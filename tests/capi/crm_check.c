/* Plays the CRM: links libjobcenter through pkg-config, opens Jobcenter with a config file and runs the
 * register's entry-time check on a name before the CRM would create an employer. Prints the status and the reply.
 * usage: crm_check CONFIG TOKEN NAME */
#include <jobcenter/jobcenter.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* {"name": NAME} with NAME's quotes, backslashes and control characters escaped. */
static char* check_request(const char* name) {
    size_t length = strlen(name);
    char* request = malloc(6 * length + 16);
    if (!request) return NULL;
    char* out = request + sprintf(request, "{\"name\":\"");
    for (const unsigned char* c = (const unsigned char*)name; *c; ++c) {
        if (*c == '"' || *c == '\\') out += sprintf(out, "\\%c", *c);
        else if (*c < 0x20) out += sprintf(out, "\\u%04x", *c);
        else *out++ = (char)*c;
    }
    strcpy(out, "\"}");
    return request;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: crm_check CONFIG TOKEN NAME\n");
        return 2;
    }
    printf("libjobcenter %s\n", jc_version());

    jc_handle* jobcenter = NULL;
    char* error = NULL;
    jc_status status = jc_open(argv[1], &jobcenter, &error);
    if (status != JC_OK) {
        printf("open: %s %s\n", jc_status_name(status), error ? error : "");
        jc_free(error);
        return 1;
    }

    char* request = check_request(argv[3]);
    char* reply = NULL;
    status = jc_call(jobcenter, argv[2], "register.check", request ? request : "{}", &reply);
    printf("register.check: %s\n%s\n", jc_status_name(status), reply ? reply : "");
    jc_free(reply);
    free(request);
    jc_close(jobcenter);
    return status == JC_OK ? 0 : 1;
}

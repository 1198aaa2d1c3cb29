/*
 * serve_guard.h - who may talk to 'tsaudit serve': the Host names it answers
 * (against DNS rebinding) and the origins it lets read its JSON API.
 */
#ifndef TSAUDIT_CLI_SERVE_GUARD_H
#define TSAUDIT_CLI_SERVE_GUARD_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>

#define SERVE_MAX_ALLOW_HOSTS 32

struct serve_guard {
    struct in_addr addr;                      /* the listening address (0.0.0.0: every interface) */
    unsigned port;                            /* the bound port */
    const char *allow[SERVE_MAX_ALLOW_HOSTS]; /* --allow-host names, lower case */
    size_t nallow;
};

/* Add the names of one --allow-host value (comma-separated). False with a
 * message in why (static) when a name is not a plain host name. */
bool serve_guard_allow(struct serve_guard *g, const char *names, const char **why);

void serve_guard_free(struct serve_guard *g);

/*
 * Whether a request may be answered, from its Host, Origin and
 * Sec-Fetch-Site headers (NULL when absent) and whether it is for the API.
 * The Host must name this server: the listening address (any address when
 * listening on all of them), localhost when listening on loopback, or an
 * --allow-host name, with the bound port if it gives one. A browser never
 * lets a page choose another site's Host, so a name rebound to this address
 * is refused here. The API also refuses requests another site's page made
 * (an Origin that is not this server's, or Sec-Fetch-Site cross-site or
 * same-site). Returns NULL when allowed, else the reason for a 403.
 */
const char *serve_guard_check(const struct serve_guard *g, const char *host, const char *origin,
                              const char *fetch_site, bool api);

#endif

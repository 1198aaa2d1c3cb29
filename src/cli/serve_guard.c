/*
 * serve_guard.c - the Host and origin checks of 'tsaudit serve' (see
 * serve_guard.h). A page on another site can make the browser send
 * requests here, and with a DNS name it controls rebound to 127.0.0.1 it
 * can even read the answers; but the browser then sends that name as the
 * Host, which is what this refuses.
 */
#include "cli/serve_guard.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HOST_MAX 253

static bool host_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '.';
}

bool serve_guard_allow(struct serve_guard *g, const char *names, const char **why)
{
    const char *p = names;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n) {
            if (n > HOST_MAX) {
                *why = "a host name is at most 253 characters";
                return false;
            }
            char *name = malloc(n + 1);
            if (!name)
                abort();
            for (size_t i = 0; i < n; i++) {
                if (!host_char(p[i])) {
                    free(name);
                    *why = "a host name has only letters, digits, '-' and '.' (no port)";
                    return false;
                }
                name[i] = (char)tolower((unsigned char)p[i]);
            }
            name[n] = 0;
            if (g->nallow == SERVE_MAX_ALLOW_HOSTS) {
                free(name);
                *why = "at most 32 host names";
                return false;
            }
            g->allow[g->nallow++] = name;
        }
        p += n + (end ? 1 : 0);
    }
    return true;
}

/* Split "name[:port]" into a lower-case name without a trailing dot and the
 * port (0 when absent). False when it is not of that form. */
static bool split_host(const char *s, size_t len, char name[HOST_MAX + 2], unsigned *port)
{
    const char *colon = memchr(s, ':', len);
    size_t n = colon ? (size_t)(colon - s) : len;
    *port = 0;
    if (!n || n > HOST_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!host_char(s[i]))
            return false; /* IPv6 literals and anything odd: this server is IPv4 */
        name[i] = (char)tolower((unsigned char)s[i]);
    }
    name[n] = 0;
    if (n > 1 && name[n - 1] == '.')
        name[n - 1] = 0;
    if (colon) {
        const char *d = colon + 1;
        size_t dn = len - n - 1;
        if (!dn || dn > 5)
            return false;
        unsigned v = 0;
        for (size_t i = 0; i < dn; i++) {
            if (!isdigit((unsigned char)d[i]))
                return false;
            v = v * 10 + (unsigned)(d[i] - '0');
        }
        *port = v;
    }
    return true;
}

static bool loopback(struct in_addr a)
{
    return (ntohl(a.s_addr) >> 24) == 127;
}

/* Whether "name[:port]" names this server. A Host without a port is taken
 * as this server's port (some clients leave it out); in an Origin no port
 * means 80. */
static bool host_ok(const struct serve_guard *g, const char *s, size_t len, bool origin)
{
    char name[HOST_MAX + 2];
    unsigned port;
    if (!split_host(s, len, name, &port))
        return false;
    if (!port && origin)
        port = 80;
    if (port && port != g->port)
        return false;
    bool any = g->addr.s_addr == htonl(INADDR_ANY);
    struct in_addr lit;
    if (inet_pton(AF_INET, name, &lit) == 1)
        /* An address cannot be rebound: only a name can. */
        return any || lit.s_addr == g->addr.s_addr;
    if (!strcmp(name, "localhost"))
        return any || loopback(g->addr);
    for (size_t i = 0; i < g->nallow; i++)
        if (!strcmp(name, g->allow[i]))
            return true;
    return false;
}

void serve_guard_free(struct serve_guard *g)
{
    for (size_t i = 0; i < g->nallow; i++)
        free((char *)g->allow[i]);
    g->nallow = 0;
}

const char *serve_guard_check(const struct serve_guard *g, const char *host, const char *origin,
                              const char *fetch_site, bool api)
{
    if (host && !host_ok(g, host, strlen(host), false))
        return "this dashboard does not answer to that host name "
               "(start 'tsaudit serve' with --allow-host NAME to add one)\n";
    if (!api)
        return NULL;
    if (fetch_site && strcasecmp(fetch_site, "same-origin") != 0 &&
        strcasecmp(fetch_site, "none") != 0)
        return "the API does not answer requests made by another site's pages\n";
    if (origin) {
        static const char scheme[] = "http://";
        size_t n = strlen(origin);
        if (n <= sizeof(scheme) - 1 || strncasecmp(origin, scheme, sizeof(scheme) - 1) != 0 ||
            !host_ok(g, origin + sizeof(scheme) - 1, n - (sizeof(scheme) - 1), true))
            return "the API does not answer requests made by another site's pages\n";
    }
    return NULL;
}

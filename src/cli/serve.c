/*
 * serve.c - 'tsaudit serve': a local, read-only dashboard over a history
 * database, with libmicrohttpd.
 *
 *   /                  the overview: runs, newest first, with headline figures,
 *                      a form to compare two, the latest run's devices
 *   /runs/ID           one run: the same HTML report 'scan -o x.html' writes,
 *                      with the dashboard's bar leading back
 *   /diff?a=&b=        two runs compared: new failures, fixes, other changes
 *   /devices?path=P    one device: its findings, failing since when, history
 *   /measures          the latest run's measures, failing since when
 *   /trends            verdicts over time, by commit or run date (SVG)
 *   /api/runs          the runs as JSON ('history --format json')
 *   /api/runs/ID       one run as the JSON report
 *   /api/diff?a=&b=    two runs compared ('diff --format json')
 *
 * Only GET and HEAD are answered; every response carries a strict
 * Content-Security-Policy (inline styles and scripts allowed by hash only),
 * nosniff, frame denial and no-referrer. It binds 127.0.0.1 unless
 * --listen says otherwise. Each request opens its own read-only connection,
 * so the database may be written by scans while it is served. The pages
 * are built in serve_runs.c, serve_trends.c and serve_since.c, in the frame
 * of serve_page.c.
 */
#define _GNU_SOURCE /* memmem */
#include "cli/cli.h"
#include "cli/serve_guard.h"
#include "cli/serve_page.h"
#include "cli/serve_watch.h"
#include "report/report.h"
#include "store/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_RESULT;
#else
typedef enum MHD_Result MHD_RESULT;
#endif

struct server {
    const char *db;
    struct serve_guard guard;
    struct serve_watch watch;
};

/* Connection policy: a pool of threads, a connection limit well above what a
 * few hundred idle sockets take, an idle timeout, and a deadline for each
 * request's headers (serve_watch.h). */
#define SERVE_THREADS_MAX 16
#define SERVE_CONNECTIONS_MAX 8192
#define SERVE_PER_IP_MAX 64 /* when listening beyond loopback */
#define SERVE_IDLE_S 10
#define SERVE_HEADERS_S 10

/* ------------------------------------------------------------ responses */

static void csp_hash(const char *s, size_t n, struct buf *out)
{
    char b64[45];
    sha256_base64(s, n, b64);
    buf_printf(out, " 'sha256-%s'", b64);
}

/* Hashes of the inline blocks of one kind ("style" or "script"; JSON data
 * blocks are not executed and need none). */
static void hash_blocks(const char *page, size_t len, const char *tag, struct buf *out)
{
    char open[16], close[16];
    snprintf(open, sizeof(open), "<%s", tag);
    snprintf(close, sizeof(close), "</%s>", tag);
    const char *p = page, *end = page + len;
    while ((p = memmem(p, (size_t)(end - p), open, strlen(open)))) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            break;
        bool data = memmem(p, (size_t)(gt - p), "application/json", 16) != NULL;
        const char *body = gt + 1;
        const char *stop = memmem(body, (size_t)(end - body), close, strlen(close));
        if (!stop)
            break;
        if (!data)
            csp_hash(body, (size_t)(stop - body), out);
        p = stop;
    }
}

static MHD_RESULT respond(struct MHD_Connection *c, unsigned status, const char *type, char *body,
                          size_t len)
{
    struct buf csp;
    buf_init(&csp, 0);
    buf_adds(&csp, "default-src 'none'; img-src data:; base-uri 'none'; form-action 'self'; "
                   "frame-ancestors 'none'; style-src");
    bool is_html = strncmp(type, "text/html", 9) == 0;
    if (is_html)
        hash_blocks(body, len, "style", &csp);
    else
        buf_adds(&csp, " 'none'");
    buf_adds(&csp, "; script-src");
    size_t before = csp.len;
    if (is_html)
        hash_blocks(body, len, "script", &csp);
    if (csp.len == before)
        buf_adds(&csp, " 'none'");
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Security-Policy", buf_cstr(&csp));
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, "Allow", "GET, HEAD");
    MHD_RESULT ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    buf_free(&csp);
    return ret;
}

static MHD_RESULT respond_text(struct MHD_Connection *c, unsigned status, const char *msg)
{
    char *body = xstrdup(msg);
    return respond(c, status, "text/plain; charset=utf-8", body, strlen(body));
}

/* Send a built page: HTML with its status, or JSON. */
static MHD_RESULT page_send(struct MHD_Connection *c, struct page *p, bool is_html)
{
    serve_page_close(p, is_html);
    return respond(c, p->status,
                   is_html ? "text/html; charset=utf-8" : "application/json; charset=utf-8",
                   p->data, p->len);
}

static MHD_RESULT page_run(struct server *s, struct MHD_Connection *c, const char *id,
                           enum report_format fmt)
{
    char tmpl[] = "/tmp/tsaudit-serve-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return respond_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot render the run\n");
    close(fd);
    int rc = store_render_run(s->db, id, fmt, tmpl);
    char *body = NULL;
    size_t len = 0;
    if (rc == 0)
        rc = file_read_all(tmpl, 0, false, &body, &len);
    unlink(tmpl);
    if (rc != 0 && fmt == REPORT_HTML) {
        struct page p;
        serve_page_error(&p, MHD_HTTP_NOT_FOUND, "No such run, or it cannot be rendered.");
        return page_send(c, &p, true);
    }
    if (rc != 0)
        return respond_text(c, MHD_HTTP_NOT_FOUND, "no such run, or it cannot be rendered\n");
    if (fmt == REPORT_HTML)
        body = serve_page_frame_report(body, &len, id);
    return respond(c, MHD_HTTP_OK,
                   fmt == REPORT_HTML ? "text/html; charset=utf-8"
                                      : "application/json; charset=utf-8",
                   body, len);
}

static void json_str(FILE *f, const char *s)
{
    json_write_cstr(f, s);
}

static MHD_RESULT api_runs(struct server *s, struct MHD_Connection *c)
{
    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(s->db, &rows, &n) != 0)
        return respond_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read the database\n");
    struct page p;
    serve_page_open(&p, NULL, NULL, 0);
    fputs("[", p.f);
    for (size_t i = 0; i < n; i++) {
        const struct store_run_row *r = &rows[i];
        fprintf(p.f, "%s{\"id\":%lld,\"uuid\":", i ? "," : "", (long long)r->id);
        json_str(p.f, r->uuid);
        fputs(",\"started\":", p.f);
        json_str(p.f, r->started);
        fputs(",\"finished\":", p.f);
        json_str(p.f, r->finished);
        fputs(",\"as_of\":", p.f);
        json_str(p.f, r->as_of);
        fputs(",\"edition\":", p.f);
        json_str(p.f, r->edition);
        fprintf(
            p.f,
            ",\"tier\":%d,\"devices\":%ld,\"fails\":%ld,\"fails_by_severity\":{\"critical\":%ld,"
            "\"high\":%ld,\"medium\":%ld,\"low\":%ld},\"measures_met\":%ld,"
            "\"measures_total\":%ld}",
            r->tier, r->devices, r->fails, r->fails_by_severity[0], r->fails_by_severity[1],
            r->fails_by_severity[2], r->fails_by_severity[3], r->measures_met, r->measures_total);
    }
    fputs("]\n", p.f);
    store_run_rows_free(rows, n);
    return page_send(c, &p, false);
}

static void json_changes(FILE *f, const char *name, const struct store_change *v, size_t n,
                         bool last)
{
    fprintf(f, "\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",{\"device\":" : "{\"device\":", f);
        json_str(f, v[i].device);
        fputs(",\"hostname\":", f);
        json_str(f, v[i].hostname);
        fputs(",\"item\":", f);
        json_str(f, v[i].item);
        fputs(",\"severity\":", f);
        json_str(f, v[i].severity);
        fputs(",\"from\":", f);
        json_str(f, v[i].from);
        fputs(",\"to\":", f);
        json_str(f, v[i].to);
        fputs("}", f);
    }
    fprintf(f, "]%s", last ? "" : ",");
}

static MHD_RESULT api_diff(struct server *s, struct MHD_Connection *c)
{
    const char *a = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "a");
    const char *b = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "b");
    struct store_diff d;
    struct store_change *other;
    size_t nother;
    if (store_compare_runs(s->db, a && *a ? a : NULL, b && *b ? b : NULL, &d, &other, &nother) != 0)
        return respond_text(c, MHD_HTTP_NOT_FOUND, "cannot compare those runs\n");
    store_changes_free(other, nother);
    struct page p;
    serve_page_open(&p, NULL, NULL, 0);
    fprintf(p.f, "{\"a\":%lld,\"b\":%lld,", (long long)d.a.id, (long long)d.b.id);
    json_changes(p.f, "devices_added", d.added, d.nadded, false);
    json_changes(p.f, "devices_removed", d.removed, d.nremoved, false);
    json_changes(p.f, "new_failures", d.new_fail, d.nnew_fail, false);
    json_changes(p.f, "fixed", d.fixed, d.nfixed, false);
    json_changes(p.f, "still_failing", d.still_failing, d.nstill_failing, false);
    json_changes(p.f, "measures_changed", d.measures, d.nmeasures, true);
    fputs("}\n", p.f);
    store_diff_free(&d);
    return page_send(c, &p, false);
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if ((*s < '0' || *s > '9') && *s != '-' && !(*s >= 'a' && *s <= 'f'))
            return false;
    return true;
}

static const char *arg(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

/* The JSON API: plain-text errors, for scripts. */
static MHD_RESULT route_api(struct server *s, struct MHD_Connection *c, const char *url)
{
    if (!strcmp(url, "/api/runs"))
        return api_runs(s, c);
    if (!strcmp(url, "/api/diff"))
        return api_diff(s, c);
    if (!strncmp(url, "/api/runs/", 10) && all_digits(url + 10))
        return page_run(s, c, url + 10, REPORT_JSON);
    return respond_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* The dashboard's own pages; anything else is a page that leads back. */
static MHD_RESULT route_page(struct server *s, struct MHD_Connection *c, const char *url)
{
    struct page p;
    if (!strcmp(url, "/"))
        serve_page_runs(s->db, &p);
    else if (!strcmp(url, "/trends"))
        serve_page_trends(s->db, &p);
    else if (!strcmp(url, "/measures"))
        serve_page_measures(s->db, &p);
    else if (!strcmp(url, "/devices"))
        serve_page_device(s->db, arg(c, "path"), &p);
    else if (!strcmp(url, "/diff"))
        serve_page_diff(s->db, arg(c, "a"), arg(c, "b"), &p);
    else
        serve_page_error(&p, MHD_HTTP_NOT_FOUND, "There is no such page.");
    return page_send(c, &p, true);
}

static MHD_RESULT handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                         const char *version, const char *upload_data, size_t *upload_size,
                         void **con_cls)
{
    (void)version;
    (void)upload_data;
    struct server *s = cls;
    serve_watch_headers_done(&s->watch, c);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        *upload_size = 0; /* read-only: the body is ignored */
        return respond_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "read-only: GET and HEAD only\n");
    }
    if (*con_cls == NULL) {
        /* First call for this request: wait for the headers to complete. */
        static int marker;
        *con_cls = &marker;
        return MHD_YES;
    }
    const char *refused = serve_guard_check(
        &s->guard, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site"),
        !strncmp(url, "/api/", 5));
    if (refused)
        return respond_text(c, MHD_HTTP_FORBIDDEN, refused);
    if (!strncmp(url, "/api/", 5))
        return route_api(s, c, url);
    if (!strncmp(url, "/runs/", 6) && all_digits(url + 6))
        return page_run(s, c, url + 6, REPORT_HTML);
    return route_page(s, c, url);
}

static const char *usage =
    "usage: tsaudit serve --db FILE [--listen ADDR:PORT] [--allow-host NAME]...\n"
    "\n"
    "Serve a read-only dashboard over a history database: runs, one run (the\n"
    "same views as the HTML report), the comparison of two runs, a device's\n"
    "findings and history, the measures, trends by run or commit date (scan\n"
    "--git), since when each failure began, and a JSON API (/api/runs,\n"
    "/api/runs/ID, /api/diff?a=ID&b=ID). Binds 127.0.0.1:8080 unless\n"
    "--listen says otherwise (port 0 picks a free port). Stops on Ctrl-C.\n"
    "\n"
    "It answers only requests addressed to the listening address (and localhost\n"
    "on loopback); --allow-host NAME[,NAME...] adds the names it is reached by.\n"
    "The JSON API refuses requests made by other sites' pages.\n";

static bool parse_listen(const char *s, struct sockaddr_in *addr)
{
    const char *colon = strrchr(s, ':');
    char host[64];
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    if (!colon || (size_t)(colon - s) >= sizeof(host))
        return false;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = 0;
    long port;
    if (!sv_to_long(sv_from_cstr(colon + 1), &port) || port < 0 || port > 65535)
        return false;
    addr->sin_port = htons((uint16_t)port);
    if (!strcmp(host, "localhost"))
        snprintf(host, sizeof(host), "127.0.0.1");
    return inet_pton(AF_INET, host, &addr->sin_addr) == 1;
}

/*
 * Can addr be bound? Tried with the same SO_REUSEADDR the server uses, so
 * the answer is the server's. A port in use is the usual mistake (another
 * dashboard still running): say so plainly rather than through the HTTP
 * library's log. 0, or -1 after a message.
 */
static int probe_listen(const char *listen, const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0; /* let the server report it */
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    int rc = bind(fd, (const struct sockaddr *)addr, sizeof(*addr));
    int err = errno;
    close(fd);
    if (rc == 0)
        return 0;
    if (err == EADDRINUSE)
        fprintf(stderr,
                "tsaudit serve: %s is already in use (is another 'tsaudit serve' running?); "
                "choose another port with --listen ADDR:PORT\n",
                listen);
    else
        fprintf(stderr, "tsaudit serve: cannot listen on %s: %s\n", listen, strerror(err));
    return -1;
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)con_cls;
    (void)toe;
    struct server *s = cls;
    serve_watch_request_done(&s->watch, c);
}

/* As many connections as descriptors allow (the soft limit raised to the
 * hard one), up to SERVE_CONNECTIONS_MAX. */
static unsigned connection_limit(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 900;
    rlim_t want = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > 65536 ? 65536 : rl.rlim_max;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = want;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    rlim_t n = rl.rlim_cur > 128 ? rl.rlim_cur - 64 : 64;
    return n > SERVE_CONNECTIONS_MAX ? SERVE_CONNECTIONS_MAX : (unsigned)n;
}

static unsigned thread_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 2 ? 2 : n > SERVE_THREADS_MAX ? SERVE_THREADS_MAX : (unsigned)n;
}

static struct MHD_Daemon *start_daemon(struct server *s, struct sockaddr_in *addr)
{
    bool loopback = (ntohl(addr->sin_addr.s_addr) >> 24) == 127;
    return MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_LINUX_ONLY | MHD_USE_ERROR_LOG, 0, NULL,
        NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)addr, MHD_OPTION_THREAD_POOL_SIZE,
        thread_count(), MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, loopback ? 0u : (unsigned)SERVE_PER_IP_MAX,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_S, MHD_OPTION_NOTIFY_CONNECTION,
        serve_watch_connection, &s->watch, MHD_OPTION_NOTIFY_COMPLETED, request_done, s,
        MHD_OPTION_END);
}

/* Listen and answer until SIGINT or SIGTERM. */
static int serve_until_stopped(struct server *s, const char *listen, struct sockaddr_in *addr)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL); /* worker threads inherit the mask */
    signal(SIGPIPE, SIG_IGN);

    if (serve_watch_start(&s->watch, SERVE_HEADERS_S) != 0) {
        fprintf(stderr, "tsaudit serve: cannot start a thread: %s\n", strerror(errno));
        return EXIT_INTERNAL;
    }
    struct MHD_Daemon *d = start_daemon(s, addr);
    if (!d) {
        fprintf(stderr, "tsaudit serve: cannot listen on %s: %s\n", cli_term(listen),
                strerror(errno));
        serve_watch_stop(&s->watch);
        return EXIT_INTERNAL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    s->guard.addr = addr->sin_addr;
    s->guard.port = info ? info->port : ntohs(addr->sin_port);
    char host[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr->sin_addr, host, sizeof(host));
    printf("tsaudit serve: http://%s:%u/ (read-only; Ctrl-C stops)\n", host, s->guard.port);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    serve_watch_stop(&s->watch);
    return EXIT_OK;
}

static int serve_main(struct server *s, const char *listen)
{
    if (!s->db)
        return cli_usage_error("serve", "--db FILE is required");
    struct sockaddr_in addr;
    if (!parse_listen(listen, &addr))
        return cli_usage_error("serve", "--listen takes IPv4-ADDRESS:PORT, not '%s'", listen);
    /* Fail early on a missing or foreign database. */
    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(s->db, &rows, &n) != 0)
        return EXIT_INPUT;
    store_run_rows_free(rows, n);
    if (probe_listen(listen, &addr) != 0)
        return EXIT_INPUT;
    if ((ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        fprintf(stderr,
                "tsaudit serve: warning: listening on %s, beyond this machine; the dashboard "
                "has no login: anyone who can reach it can read every recorded run\n",
                listen);
    return serve_until_stopped(s, listen, &addr);
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"listen", required_argument, NULL, 'l'},
                                         {"allow-host", required_argument, NULL, 'a'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *listen = "127.0.0.1:8080", *why;
    struct server s = {0};
    optind = 1;
    opterr = 0;
    int ch, rc = -1;
    while (rc < 0 && (ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'd':
            s.db = optarg;
            break;
        case 'a':
            if (!serve_guard_allow(&s.guard, optarg, &why))
                rc = cli_usage_error("serve", "--allow-host '%s': %s", optarg, why);
            break;
        case 'l':
            listen = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            rc = EXIT_OK;
            break;
        default:
            rc = cli_bad_option("serve", argc, argv, "h", opts);
        }
    }
    if (rc < 0)
        rc = serve_main(&s, listen);
    serve_guard_free(&s.guard);
    return rc;
}

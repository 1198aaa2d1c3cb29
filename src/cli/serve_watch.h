/*
 * serve_watch.h - a deadline for each request's headers in 'tsaudit serve'.
 *
 * libmicrohttpd's connection timeout counts idle time only, so a client
 * that sends its request one byte every few seconds holds a connection (and
 * a slot under the connection limit) for as long as it likes. The watch
 * keeps every open connection with the time its current request began; a
 * thread shuts down any whose headers are not complete within the deadline.
 * A request whose headers arrived is not timed here (rendering and sending
 * a large run may take a while; the idle timeout still applies).
 */
#ifndef TSAUDIT_CLI_SERVE_WATCH_H
#define TSAUDIT_CLI_SERVE_WATCH_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

struct serve_conn;

struct serve_watch {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    bool running;
    unsigned deadline_s;
    struct serve_conn *conns; /* open connections, a doubly linked list */
};

/* Start the watch thread. 0, or -1 when the thread cannot start. */
int serve_watch_start(struct serve_watch *w, unsigned deadline_s);
void serve_watch_stop(struct serve_watch *w);

/* MHD_OPTION_NOTIFY_CONNECTION callback (cls: the watch). */
void serve_watch_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                            enum MHD_ConnectionNotificationCode toe);
/* A request's headers are complete: stop timing it. */
void serve_watch_headers_done(struct serve_watch *w, struct MHD_Connection *c);
/* A request finished (MHD_OPTION_NOTIFY_COMPLETED): the next one on the
 * connection is timed from now. */
void serve_watch_request_done(struct serve_watch *w, struct MHD_Connection *c);

#endif

/*
 * serve_watch.c - see serve_watch.h.
 *
 * libmicrohttpd tells the application a connection closed before it closes
 * the socket, and both that notice and the watch's sweep hold the lock, so
 * the watch never shuts down a descriptor that was already reused.
 */
#include "cli/serve_watch.h"

#include <stdlib.h>
#include <sys/socket.h>

struct serve_conn {
    struct serve_conn *prev, *next;
    struct MHD_Connection *c;
    int fd;
    struct timespec began; /* when the current request began (CLOCK_MONOTONIC) */
    bool timing;           /* its headers are not complete yet */
    bool shut;
};

static struct serve_conn *conn_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *i =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

static double elapsed(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - since->tv_sec) + (double)(now.tv_nsec - since->tv_nsec) / 1e9;
}

static void *watch_main(void *arg)
{
    struct serve_watch *w = arg;
    pthread_mutex_lock(&w->lock);
    while (w->running) {
        for (struct serve_conn *k = w->conns; k; k = k->next)
            if (k->timing && !k->shut && elapsed(&k->began) > w->deadline_s) {
                /* libmicrohttpd sees the end of the stream and closes it. */
                shutdown(k->fd, SHUT_RDWR);
                k->shut = true;
            }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&w->wake, &w->lock, &until);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

int serve_watch_start(struct serve_watch *w, unsigned deadline_s)
{
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    w->conns = NULL;
    w->deadline_s = deadline_s;
    w->running = true;
    if (pthread_create(&w->thread, NULL, watch_main, w) != 0) {
        w->running = false;
        return -1;
    }
    return 0;
}

void serve_watch_stop(struct serve_watch *w)
{
    pthread_mutex_lock(&w->lock);
    bool was = w->running;
    w->running = false;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    if (was)
        pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
}

void serve_watch_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                            enum MHD_ConnectionNotificationCode toe)
{
    struct serve_watch *w = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *i =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        struct serve_conn *k = calloc(1, sizeof(*k));
        if (!k || !i)
            abort();
        k->c = c;
        k->fd = i->connect_fd;
        k->timing = true;
        clock_gettime(CLOCK_MONOTONIC, &k->began);
        pthread_mutex_lock(&w->lock);
        k->next = w->conns;
        if (w->conns)
            w->conns->prev = k;
        w->conns = k;
        pthread_mutex_unlock(&w->lock);
        *socket_context = k;
        return;
    }
    struct serve_conn *k = *socket_context;
    if (!k)
        return;
    pthread_mutex_lock(&w->lock);
    if (k->prev)
        k->prev->next = k->next;
    else
        w->conns = k->next;
    if (k->next)
        k->next->prev = k->prev;
    pthread_mutex_unlock(&w->lock);
    free(k);
    *socket_context = NULL;
}

void serve_watch_headers_done(struct serve_watch *w, struct MHD_Connection *c)
{
    struct serve_conn *k = conn_of(c);
    if (!k)
        return;
    pthread_mutex_lock(&w->lock);
    k->timing = false;
    pthread_mutex_unlock(&w->lock);
}

void serve_watch_request_done(struct serve_watch *w, struct MHD_Connection *c)
{
    struct serve_conn *k = conn_of(c);
    if (!k)
        return;
    pthread_mutex_lock(&w->lock);
    k->timing = true;
    clock_gettime(CLOCK_MONOTONIC, &k->began);
    pthread_mutex_unlock(&w->lock);
}

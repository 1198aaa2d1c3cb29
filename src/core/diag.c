/*
 * diag.c - one-line diagnostics about input, counted for the exit status.
 */
#include "core/core.h"

#include <pthread.h>
#include <stdatomic.h>

static atomic_ulong error_count;
static atomic_bool quiet;
static _Thread_local bool thread_silent;
static pthread_mutex_t print_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *level_name(enum diag_level level)
{
    switch (level) {
    case DIAG_NOTE:
        return "note";
    case DIAG_WARNING:
        return "warning";
    case DIAG_ERROR:
        return "error";
    }
    return "error";
}

/* The calling thread's sink between diag_capture_begin() and diag_capture_end(). */
static _Thread_local struct buf *capture;

void diag_capture_begin(struct buf *sink)
{
    capture = sink;
}

void diag_capture_end(void)
{
    capture = NULL;
}

void diag_flush(struct buf *sink)
{
    if (sink->len && capture && capture != sink) {
        /* This thread is itself captured (the library runs a scan): the
         * device's lines join its capture rather than stderr. */
        buf_add(capture, sink->data, sink->len);
    } else if (sink->len) {
        pthread_mutex_lock(&print_lock);
        fwrite(sink->data, 1, sink->len, stderr);
        pthread_mutex_unlock(&print_lock);
    }
    buf_reset(sink);
}

void diag_vreport(enum diag_level level, const char *path, uint32_t line, const char *fmt,
                  va_list ap)
{
    if (thread_silent)
        return;
    if (level == DIAG_ERROR)
        atomic_fetch_add(&error_count, 1);
    if (atomic_load(&quiet))
        return;
    char msg[1024], where[1024];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    snprintf(where, sizeof(where), "%s", path ? path : line ? "-" : "tsaudit");
    /* Keep it one line whatever the message or the file name holds, and let
     * no control character (a terminal escape sequence) through: line ends
     * and tabs in the message read as spaces, the rest as term_write() shows
     * them. */
    for (char *p = msg; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    struct buf w, m;
    buf_init(&w, 0);
    buf_init(&m, 0);
    term_clean(&w, where);
    term_clean(&m, msg);
    if (capture) {
        if (line)
            buf_printf(capture, "%s:%u: %s: %s\n", buf_cstr(&w), line, level_name(level),
                       buf_cstr(&m));
        else
            buf_printf(capture, "%s: %s: %s\n", buf_cstr(&w), level_name(level), buf_cstr(&m));
        buf_free(&w);
        buf_free(&m);
        return;
    }
    pthread_mutex_lock(&print_lock);
    if (line)
        fprintf(stderr, "%s:%u: %s: %s\n", buf_cstr(&w), line, level_name(level), buf_cstr(&m));
    else
        fprintf(stderr, "%s: %s: %s\n", buf_cstr(&w), level_name(level), buf_cstr(&m));
    pthread_mutex_unlock(&print_lock);
    buf_free(&w);
    buf_free(&m);
}

void diag_report(enum diag_level level, const char *path, uint32_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(level, path, line, fmt, ap);
    va_end(ap);
}

void diag_count(enum diag_level level)
{
    if (level == DIAG_ERROR && !thread_silent)
        atomic_fetch_add(&error_count, 1);
}

unsigned long diag_error_count(void)
{
    return atomic_load(&error_count);
}

void diag_reset_counts(void)
{
    atomic_store(&error_count, 0);
}

void diag_set_quiet(bool q)
{
    atomic_store(&quiet, q);
}

void diag_set_thread_silent(bool silent)
{
    thread_silent = silent;
}

/*
 * pool.c - ordered_pool_run(): items worked on by a pool of threads and
 * emitted on the calling thread strictly in index order, with a bounded
 * window of items in flight (see core.h).
 */
#include "core/core.h"

#include <pthread.h>
#include <stdlib.h>

struct opool {
    const struct ordered_pool_ops *ops;
    void *ctx;
    size_t n, window;
    size_t next_claim; /* next index a worker may take */
    size_t next_emit;  /* next index the calling thread will emit */
    bool *done;        /* per slot */
    pthread_mutex_t lock;
    pthread_cond_t cond;
};

static void *opool_worker(void *arg)
{
    struct opool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        /* Wait until the slot for the next item is free (bounded window). */
        while (p->next_claim < p->n && p->next_claim >= p->next_emit + p->window)
            pthread_cond_wait(&p->cond, &p->lock);
        if (p->next_claim >= p->n) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        size_t index = p->next_claim++;
        pthread_mutex_unlock(&p->lock);

        p->ops->work(p->ctx, index, index % p->window);

        pthread_mutex_lock(&p->lock);
        p->done[index % p->window] = true;
        pthread_cond_broadcast(&p->cond);
        pthread_mutex_unlock(&p->lock);
    }
}

/* One job: this thread does everything, with no hand-over per item. */
static void run_inline(size_t n, const struct ordered_pool_ops *ops, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        ops->work(ctx, i, 0);
        ops->emit(ctx, i, 0);
    }
}

void ordered_pool_run(size_t n, int jobs, size_t window, const struct ordered_pool_ops *ops,
                      void *ctx)
{
    if (jobs <= 1 || n <= 1) {
        run_inline(n, ops, ctx);
        return;
    }
    struct opool p = {.ops = ops, .ctx = ctx, .n = n, .window = window ? window : 1};
    p.done = xcalloc(p.window, sizeof(*p.done));
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.cond, NULL);
    pthread_t *threads = xcalloc((size_t)jobs, sizeof(*threads));
    for (int i = 0; i < jobs; i++)
        if (pthread_create(&threads[i], NULL, opool_worker, &p) != 0)
            BUG("cannot start worker thread");
    for (size_t i = 0; i < n; i++) {
        size_t slot = i % p.window;
        pthread_mutex_lock(&p.lock);
        while (!p.done[slot])
            pthread_cond_wait(&p.cond, &p.lock);
        pthread_mutex_unlock(&p.lock);

        ops->emit(ctx, i, slot);

        pthread_mutex_lock(&p.lock);
        p.done[slot] = false;
        p.next_emit = i + 1;
        pthread_cond_broadcast(&p.cond);
        pthread_mutex_unlock(&p.lock);
    }
    for (int i = 0; i < jobs; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    free(p.done);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.cond);
}

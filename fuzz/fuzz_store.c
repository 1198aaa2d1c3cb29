/*
 * fuzz_store.c - the history database as 'history', 'diff' and 'serve' read
 * it: the input is the bytes of a database file. Every complete run it
 * holds (at most four) is listed, rendered through the JSON, HTML, SARIF
 * and text writers as the dashboard does, diffed against the one before,
 * and its first device's history read. Nothing in a database may stop the
 * process: checks and requirements this build does not register (user
 * rules, frameworks) render from what the run recorded.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void remove_db(const char *path)
{
    char side[300];
    unlink(path);
    snprintf(side, sizeof(side), "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-journal", path);
    unlink(side);
}

static void read_run(const char *db, const struct store_run_row *r, const char *prev,
                     const char *out)
{
    static const enum report_format formats[] = {REPORT_JSON, REPORT_HTML, REPORT_SARIF,
                                                 REPORT_TEXT};
    char spec[32];
    snprintf(spec, sizeof(spec), "%lld", (long long)r->id);
    for (size_t k = 0; k < sizeof(formats) / sizeof(formats[0]); k++) {
        store_render_run(db, spec, formats[k], out);
        unlink(out);
    }
    struct store_diff d;
    if (store_diff_runs(db, prev, spec, &d) == 0)
        store_diff_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    char db[256], out[256];
    snprintf(db, sizeof(db), "/tmp/tsaudit-fuzz-store-%ld.db", (long)getpid());
    snprintf(out, sizeof(out), "/tmp/tsaudit-fuzz-store-%ld.out", (long)getpid());
    remove_db(db);
    FILE *f = fopen(db, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);

    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(db, &rows, &n) == 0) {
        char prev[32] = "";
        for (size_t i = 0; i < n && i < 4; i++) {
            read_run(db, &rows[i], *prev ? prev : NULL, out);
            snprintf(prev, sizeof(prev), "%lld", (long long)rows[i].id);
        }
        store_run_rows_free(rows, n);
        struct store_device_ref *devs;
        size_t nd;
        if (store_latest_devices(db, &devs, &nd) == 0) {
            struct store_device_row *hist;
            size_t nh;
            if (nd && store_device_history(db, devs[0].path, &hist, &nh) == 0)
                store_device_rows_free(hist, nh);
            store_device_refs_free(devs, nd);
        }
    }
    remove_db(db);
    return 0;
}

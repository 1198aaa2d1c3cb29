/*
 * replay_main.c - runs a fuzz target over saved inputs without libFuzzer, so
 * that every normal test run replays the corpus of each target.
 * Usage: fuzz_<name> DIR|FILE...
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (file_read_all(path, 0, false, &data, &len) != 0)
        return 1;
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = 0, bad = 0;
    diag_set_quiet(true);
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* no saved inputs yet for this target */
        if (!S_ISDIR(st.st_mode)) {
            bad += replay_file(argv[i]);
            runs++;
            continue;
        }
        struct walk_list l = {0};
        walk_paths(&argv[i], 1, NULL, &l);
        for (size_t k = 0; k < l.n; k++) {
            bad += replay_file(l.items[k].path);
            runs++;
        }
        walk_list_free(&l);
    }
    printf("replayed %d inputs, %d unreadable\n", runs, bad);
    return bad ? 1 : 0;
}

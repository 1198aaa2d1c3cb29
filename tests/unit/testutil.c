/*
 * testutil.c - see testutil.h.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *tu_src(const char *relpath)
{
    static char path[4096];
    const char *root = getenv("TSAUDIT_SRC");
    snprintf(path, sizeof(path), "%s/%s", root ? root : ".", relpath);
    return path;
}

char *tu_read(const char *relpath, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    if (file_read_all(tu_src(relpath), 0, false, &data, &n) != 0)
        fail_msg("cannot read %s", relpath);
    if (len)
        *len = n;
    return data;
}

const char *tu_corpus_dir(void)
{
    static char path[4096];
    const char *env = getenv("TSAUDIT_CORPUS");
    if (env)
        snprintf(path, sizeof(path), "%s", env);
    else
        snprintf(path, sizeof(path), "%s/../shared/corpus",
                 getenv("TSAUDIT_SRC") ? getenv("TSAUDIT_SRC") : ".");
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? path : NULL;
}

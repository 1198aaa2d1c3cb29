/*
 * walk.c - finding input files (RANCID/Oxidized trees, git checkouts, plain
 * folders), reading them whole, and writing outputs atomically.
 */
#include "core/core.h"

#include <dirent.h>
#include <fnmatch.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_FILE (64u * 1024 * 1024)
#define DEFAULT_MAX_FILES 10000000u
#define MAX_WALK_DEPTH 64

/* Directory identities already entered, so that symlink loops end. */
struct seen_dirs {
    dev_t *dev;
    ino_t *ino;
    size_t n, cap;
};

static bool seen_add(struct seen_dirs *s, dev_t dev, ino_t ino)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->dev[i] == dev && s->ino[i] == ino)
            return false;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->dev = xrealloc(s->dev, s->cap * sizeof(*s->dev));
        s->ino = xrealloc(s->ino, s->cap * sizeof(*s->ino));
    }
    s->dev[s->n] = dev;
    s->ino[s->n] = ino;
    s->n++;
    return true;
}

/* Names that are never configurations in a RANCID/Oxidized/git tree. */
bool walk_skip_name(const char *name, bool is_dir)
{
    if (name[0] == '.')
        return true; /* .git .svn .hg .cvsignore .gitignore ... */
    if (is_dir)
        return strcmp(name, "CVS") == 0 || strcmp(name, "RCS") == 0 ||
               strcmp(name, "node_modules") == 0;
    static const char *const exact[] = {"router.db",  "routers.all", "routers.down",
                                        "routers.up", "rancid.conf", "cloginrc"};
    for (size_t i = 0; i < ARRAY_SIZE(exact); i++)
        if (strcmp(name, exact[i]) == 0)
            return true;
    size_t n = strlen(name);
    static const char *const suffixes[] = {",v", ".db", ".md", ".gz", ".zip", ".tar", ".swp", "~"};
    for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
        size_t k = strlen(suffixes[i]);
        if (n >= k && strcmp(name + n - k, suffixes[i]) == 0)
            return true;
    }
    return strncmp(name, "rancid.types", 12) == 0;
}

static void list_push(struct walk_list *l, const char *path, const char *rel, uint64_t size)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = xrealloc(l->items, l->cap * sizeof(*l->items));
    }
    /* The relative path is usually the tail of the path: share it. */
    size_t pn = strlen(path), rn = strlen(rel);
    bool tail = rn <= pn && !memcmp(path + pn - rn, rel, rn);
    char *p = arena_strndup(&l->strings, path, pn);
    l->items[l->n].path = p;
    l->items[l->n].relpath = tail ? p + pn - rn : arena_strndup(&l->strings, rel, rn);
    l->items[l->n].size = size;
    l->n++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct walker {
    const struct walk_options *opt;
    struct walk_list *out;
    struct seen_dirs seen;
    size_t max_files;
    int errors;
    bool capped;
};

static void add_file(struct walker *w, const char *path, const char *rel, const struct stat *st)
{
    if (w->out->n >= w->max_files) {
        if (!w->capped)
            diag_report(DIAG_ERROR, path, 0, "too many files (limit %zu); the rest are skipped",
                        w->max_files);
        w->capped = true;
        w->errors++;
        return;
    }
    list_push(w->out, path, rel, (uint64_t)st->st_size);
}

static bool excluded(struct walker *w, const char *rel)
{
    for (size_t i = 0; i < w->opt->nexclude; i++)
        if (fnmatch(w->opt->exclude[i], rel, 0) == 0) {
            w->out->excluded++;
            return true;
        }
    return false;
}

static void walk_dir(struct walker *w, const char *dir, const char *rel, int depth)
{
    if (depth > MAX_WALK_DEPTH) {
        diag_report(DIAG_ERROR, dir, 0, "folder nesting deeper than %d; not entered",
                    MAX_WALK_DEPTH);
        w->errors++;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        diag_report(DIAG_ERROR, dir, 0, "cannot open folder: %s", strerror(errno));
        w->errors++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = xrealloc(names, cap * sizeof(*names));
        }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof(*names), cmp_str);
    size_t dlen = strlen(dir), rlen = strlen(rel);
    for (size_t i = 0; i < n; i++) {
        size_t plen = dlen + strlen(names[i]) + 2;
        char *path = xmalloc(plen);
        snprintf(path, plen, "%s%s%s", dir, (dlen && dir[dlen - 1] == '/') ? "" : "/", names[i]);
        size_t qlen = rlen + strlen(names[i]) + 2;
        char *sub = xmalloc(qlen);
        snprintf(sub, qlen, "%s%s%s", rel, rlen ? "/" : "", names[i]);
        struct stat st;
        if (excluded(w, sub)) {
            /* --exclude: neither read nor listed */
        } else if (stat(path, &st) != 0) {
            /* A dangling link or a file that vanished: say so, go on. */
            diag_report(DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
            w->errors++;
        } else if (S_ISDIR(st.st_mode)) {
            if (!walk_skip_name(names[i], true) && seen_add(&w->seen, st.st_dev, st.st_ino))
                walk_dir(w, path, sub, depth + 1);
        } else if (S_ISREG(st.st_mode) && !walk_skip_name(names[i], false)) {
            add_file(w, path, sub, &st);
        }
        free(path);
        free(sub);
        free(names[i]);
    }
    free(names);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int cmp_relpath(const void *a, const void *b)
{
    const struct walk_entry *const *x = a, *const *y = b;
    return strcmp((*x)->relpath, (*y)->relpath);
}

/*
 * A device is known by its relative path in every report, so two files with
 * the same one (the same layout under two folders, or two files named alike
 * given directly) would be one device to a reader: those take the path as
 * given instead, which differs.
 */
static void unique_relpaths(struct walk_list *l)
{
    if (l->n < 2)
        return;
    struct walk_entry **v = xcalloc(l->n, sizeof(*v));
    for (size_t i = 0; i < l->n; i++)
        v[i] = &l->items[i];
    qsort(v, l->n, sizeof(*v), cmp_relpath);
    for (size_t i = 0; i < l->n;) {
        size_t j = i + 1;
        while (j < l->n && strcmp(v[j]->relpath, v[i]->relpath) == 0)
            j++;
        for (size_t k = i; j - i > 1 && k < j; k++)
            v[k]->relpath = v[k]->path;
        i = j;
    }
    free(v);
}

int walk_paths(char *const *paths, size_t npaths, const struct walk_options *opt,
               struct walk_list *out)
{
    struct walk_options defaults = {0};
    struct walker w = {.opt = opt ? opt : &defaults, .out = out};
    w.max_files = w.opt->max_files ? w.opt->max_files : DEFAULT_MAX_FILES;
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            diag_report(DIAG_ERROR, paths[i], 0, "cannot read: %s", strerror(errno));
            w.errors++;
            continue;
        }
        size_t before = out->n;
        if (S_ISDIR(st.st_mode)) {
            if (seen_add(&w.seen, st.st_dev, st.st_ino))
                walk_dir(&w, paths[i], "", 0);
            if (out->n == before) {
                diag_report(DIAG_ERROR, paths[i], 0, "no configuration files found in folder");
                w.errors++;
            }
        } else if (S_ISREG(st.st_mode)) {
            add_file(&w, paths[i], base_name(paths[i]), &st);
        } else {
            diag_report(DIAG_ERROR, paths[i], 0, "not a regular file or folder");
            w.errors++;
        }
    }
    /* Drop duplicates (the same file named twice), keeping the first. */
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
        bool dup = false;
        for (size_t j = 0; j < k && !dup && out->n < 4096; j++)
            dup = strcmp(out->items[j].path, out->items[i].path) == 0;
        if (!dup)
            out->items[k++] = out->items[i];
    }
    out->n = k;
    unique_relpaths(out);
    free(w.seen.dev);
    free(w.seen.ino);
    return w.errors;
}

void walk_list_free(struct walk_list *l)
{
    arena_free(&l->strings);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

int file_read_all(const char *path, size_t limit, bool reject_binary, char **data, size_t *len)
{
    if (!limit)
        limit = DEFAULT_MAX_FILE;
    /* O_NONBLOCK: a FIFO or device put where a file was must not hang the
     * run (it is refused below); regular files ignore the flag. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_report(DIAG_ERROR, path, 0, "not a regular file");
        close(fd);
        return -1;
    }
    if ((uint64_t)st.st_size > limit) {
        diag_report(DIAG_ERROR, path, 0, "file is %llu bytes, over the %zu-byte limit; skipped",
                    (unsigned long long)st.st_size, limit);
        close(fd);
        return -1;
    }
    /* Room for the file, the terminating NUL and one byte more, so that
     * the read that finds the end needs no larger buffer (a file that grew
     * since fstat is still read whole, up to the limit). */
    size_t cap = (size_t)st.st_size + 2, n = 0;
    char *p = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > limit) {
                diag_report(DIAG_ERROR, path, 0, "file grew over the %zu-byte limit; skipped",
                            limit);
                free(p);
                close(fd);
                return -1;
            }
            cap *= 2;
            p = xrealloc(p, cap);
        }
        ssize_t r = read(fd, p + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            diag_report(DIAG_ERROR, path, 0, "read error: %s", strerror(errno));
            free(p);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    p[n] = 0;
    if (reject_binary) {
        const char *nul = memchr(p, 0, n);
        if (nul) {
            uint32_t line = 1;
            for (const char *q = p; q < nul; q++)
                line += *q == '\n';
            diag_report(DIAG_ERROR, path, line, "binary content (NUL byte); skipped");
            free(p);
            return -1;
        }
    }
    *data = p;
    *len = n;
    return 0;
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
    size_t n = strlen(path) + 32;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
        free(tmp);
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            diag_report(DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

int atomic_file_open(struct atomic_file *af, const char *path)
{
    af->path = xstrdup(path);
    af->tmp = NULL;
    if (strcmp(path, "-") == 0) {
        af->f = stdout;
        return 0;
    }
    size_t n = strlen(path) + 32;
    af->tmp = xmalloc(n);
    snprintf(af->tmp, n, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(af->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || !(af->f = fdopen(fd, "w"))) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        free(af->tmp);
        free(af->path);
        af->tmp = af->path = NULL;
        af->f = NULL;
        return -1;
    }
    /* Reports run to megabytes per thousand devices: write them in large
     * pieces, not the file system's 4 KiB. */
    setvbuf(af->f, NULL, _IOFBF, 256 * 1024);
    return 0;
}

int atomic_file_commit(struct atomic_file *af)
{
    int rc = 0;
    if (!af->tmp) {
        if (fflush(af->f) != 0 || ferror(af->f)) {
            diag_report(DIAG_ERROR, af->path, 0, "cannot write: %s", strerror(errno));
            rc = -1;
        }
    } else {
        bool bad = ferror(af->f) != 0;
        if (fflush(af->f) != 0 || fsync(fileno(af->f)) != 0)
            bad = true;
        int saved = errno;
        if (fclose(af->f) != 0)
            bad = true;
        if (bad) {
            diag_report(DIAG_ERROR, af->path, 0, "cannot write: %s", strerror(saved ? saved : EIO));
            unlink(af->tmp);
            rc = -1;
        } else if (rename(af->tmp, af->path) != 0) {
            diag_report(DIAG_ERROR, af->path, 0, "cannot write: %s", strerror(errno));
            unlink(af->tmp);
            rc = -1;
        }
    }
    free(af->tmp);
    free(af->path);
    af->tmp = af->path = NULL;
    af->f = NULL;
    return rc;
}

void atomic_file_abort(struct atomic_file *af)
{
    if (af->tmp) {
        if (af->f)
            fclose(af->f);
        unlink(af->tmp);
    }
    free(af->tmp);
    free(af->path);
    af->tmp = af->path = NULL;
    af->f = NULL;
}

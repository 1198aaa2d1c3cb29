/*
 * core.h - the bottom layer of tsaudit: memory arenas, string views,
 * growable buffers, diagnostics, file discovery and IP prefixes.
 *
 * Nothing here knows about network devices. Every layer above may use it.
 */
#ifndef TSAUDIT_CORE_H
#define TSAUDIT_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define TS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TS_NORETURN __attribute__((noreturn))
#else
#define TS_PRINTF(f, a)
#define TS_NORETURN
#endif

/* A programmer error: prints where and aborts. Never for bad input. */
#define BUG(...) ts_bug(__FILE__, __LINE__, __VA_ARGS__)
TS_NORETURN void ts_bug(const char *file, int line, const char *fmt, ...) TS_PRINTF(3, 4);

/* Out of memory aborts: these never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ------------------------------------------------------------------ arena */

/*
 * A bump allocator. One per device (buffer, tree, model, findings) and one
 * per run (catalogue, profile, patterns); everything is released at once by
 * arena_free(). Allocations are 16-byte aligned and zeroed.
 */
struct arena_block;
struct arena_cleanup;
struct arena {
    struct arena_block *head;
    struct arena_cleanup *cleanups;
    size_t total; /* bytes handed out, for limits and statistics */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) TS_PRINTF(2, 3);
/* Run fn(p) when the arena is freed (for resources that are not arena
 * memory, such as compiled patterns); last registered runs first. */
void arena_on_free(struct arena *a, void (*fn)(void *), void *p);
/* Grow an array allocated from the arena (old storage is abandoned). */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t elem);

/* ------------------------------------------------------------ string view */

/* A (pointer, length) view into someone else's memory; not NUL-terminated. */
struct sv {
    const char *p;
    size_t n;
};

#define SV_LIT(s) ((struct sv){(s), sizeof(s) - 1})
static inline struct sv sv_make(const char *p, size_t n)
{
    return (struct sv){p, n};
}
struct sv sv_from_cstr(const char *s);
bool sv_eq(struct sv a, struct sv b);
bool sv_eq_cstr(struct sv a, const char *s);
bool sv_starts_with(struct sv a, const char *prefix);
/* True when a starts with the words of prefix followed by a blank or the end. */
bool sv_starts_with_word(struct sv a, const char *prefix);
struct sv sv_trim(struct sv a);
/* Statement tokens: blank-separated, "double" or 'single' quoted tokens kept
 * whole (quotes included). sv_token(s, i) is the i-th token or {NULL,0}. */
struct sv sv_token(struct sv s, size_t index);
size_t sv_token_count(struct sv s);
/* The text after the first `index` tokens, trimmed. */
struct sv sv_after_tokens(struct sv s, size_t index);
/* Remove one level of surrounding double quotes, if any. */
struct sv sv_unquote(struct sv s);
bool sv_to_long(struct sv s, long *out);

/* ------------------------------------------------------------------ buffer */

/* A growable byte buffer with a hard cap (0 = none) for untrusted input. */
struct buf {
    char *data;
    size_t len, cap, limit;
};

void buf_init(struct buf *b, size_t limit);
void buf_free(struct buf *b);
/* These return -1 (and leave the buffer unchanged) when the cap would be exceeded. */
int buf_add(struct buf *b, const void *p, size_t n);
int buf_addc(struct buf *b, char c);
int buf_adds(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) TS_PRINTF(2, 3);
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) TS_PRINTF(2, 0);
/* NUL-terminated view of the contents (the NUL is not counted in len). */
const char *buf_cstr(struct buf *b);
void buf_reset(struct buf *b);

/* ------------------------------------------------------------- diagnostics */

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

/*
 * Diagnostics about input ("path:line: error: message"). Printed to stderr at
 * once (one line each, thread-safe) and counted so that the run can finish
 * and exit 2 when any error was reported. line 0 means "the file as a whole".
 */
void diag_report(enum diag_level level, const char *path, uint32_t line, const char *fmt, ...)
    TS_PRINTF(4, 5);
void diag_vreport(enum diag_level level, const char *path, uint32_t line, const char *fmt,
                  va_list ap) TS_PRINTF(4, 0);
/* Count a diagnostic that is not printed (beyond a per-file cap). */
void diag_count(enum diag_level level);
unsigned long diag_error_count(void);
void diag_reset_counts(void);
/* Silence stderr printing (tests, fuzzers); counting continues. */
void diag_set_quiet(bool quiet);
/*
 * Per-device diagnostic sinks: between diag_capture_begin(sink) and
 * diag_capture_end(), the calling thread's diagnostics are appended to sink
 * (counted as usual) instead of printed; diag_flush(sink) prints them and
 * empties it (into the calling thread's own sink when it has one). A scan's
 * workers capture each device's diagnostics and the main thread flushes them
 * in input order, so stderr is the same for any number of jobs.
 */
void diag_capture_begin(struct buf *sink);
void diag_capture_end(void);
void diag_flush(struct buf *sink);

/* ------------------------------------------------------------ ordered pool */

/*
 * Run work(ctx, index, slot) for index 0..n-1 on `jobs` threads and
 * emit(ctx, index, slot) for each on the calling thread, strictly in index
 * order. At most `window` items are between work and emit at once; slot is
 * index % window, so the caller keeps per-item state in an array of window
 * slots. With jobs <= 1 the calling thread does everything, one item at a
 * time.
 */
struct ordered_pool_ops {
    void (*work)(void *ctx, size_t index, size_t slot);
    void (*emit)(void *ctx, size_t index, size_t slot);
};
void ordered_pool_run(size_t n, int jobs, size_t window, const struct ordered_pool_ops *ops,
                      void *ctx);
/* Neither print nor count this thread's diagnostics (a pass whose input a
 * later pass reads again and reports). */
void diag_set_thread_silent(bool silent);

/* ---------------------------------------------------------- file discovery */

struct walk_options {
    size_t max_file_size; /* files larger are skipped with a diagnostic (0 = 64 MiB) */
    size_t max_files;     /* stop adding after this many, with a diagnostic (0 = 10M) */
    /* Globs (fnmatch, '*' crossing '/') on the path relative to the folder
     * given: a matching file is skipped, a matching folder not entered. */
    char *const *exclude;
    size_t nexclude;
};

/* One input file found by walk_paths(). */
struct walk_entry {
    char *path;    /* as given or joined below a given folder */
    char *relpath; /* relative to the argument it was found under: the device's
                      identity in reports; often the tail of path */
    uint64_t size;
};

struct walk_list {
    struct walk_entry *items;
    size_t n, cap;
    size_t excluded;      /* files and folders skipped by walk_options.exclude */
    struct arena strings; /* the paths (a zeroed arena is an empty one) */
};

/*
 * Expand files and folders into a sorted (per argument, byte order), de-duplicated
 * list of candidate config files. Recurses into folders; skips VCS folders
 * (.git, .svn, CVS, .hg), RANCID/Oxidized bookkeeping (router.db, .cvsignore,
 * *.db, rancid.types.*, .*), and follows each real directory once so symlink
 * loops end. Unreadable or missing arguments produce diagnostics. Relative
 * paths are unique in the list: files that would share one keep the path as
 * given instead. Returns the number of errors reported.
 */
int walk_paths(char *const *paths, size_t npaths, const struct walk_options *opt,
               struct walk_list *out);
void walk_list_free(struct walk_list *l);
/* True for a name walk_paths() never reads as a configuration: VCS and
 * hidden folders and files, RANCID/Oxidized bookkeeping (router.db, ...). */
bool walk_skip_name(const char *name, bool is_dir);

/*
 * Read a whole file into memory (one read, NUL-terminated for convenience).
 * Returns 0, or -1 after reporting a diagnostic: unreadable, too large
 * (limit bytes), or binary (contains a NUL byte) when reject_binary is set.
 */
int file_read_all(const char *path, size_t limit, bool reject_binary, char **data, size_t *len);

/* Write a file atomically: to a temporary beside it, fsync, rename. */
int file_write_atomic(const char *path, const void *data, size_t len);

/*
 * A streamed output that appears only when complete: write to f, then
 * atomic_file_commit() (fsync + rename over path) or atomic_file_abort()
 * (the temporary is removed, path is untouched). "-" means stdout.
 */
struct atomic_file {
    FILE *f;
    char *path;
    char *tmp; /* NULL for stdout */
};
int atomic_file_open(struct atomic_file *af, const char *path);
int atomic_file_commit(struct atomic_file *af);
void atomic_file_abort(struct atomic_file *af);

/* --------------------------------------------------------------- prefixes */

/* An IPv4 or IPv6 prefix. IPv4 is stored as af=4 in the first 4 bytes. */
struct ip_prefix {
    uint8_t af;  /* 4 or 6; 0 = invalid */
    uint8_t len; /* prefix length */
    uint8_t addr[16];
};

/* Parse "a.b.c.d", "a.b.c.d/len", "a.b.c.d mask", "x::y/len". */
bool ip_prefix_parse(struct sv s, struct ip_prefix *out);
/* Parse an address and a dotted netmask (IOS) or a wildcard mask (IOS ACL). */
bool ip_prefix_from_mask(struct sv addr, struct sv mask, bool wildcard, struct ip_prefix *out);
/* Is inner entirely inside outer? */
bool ip_prefix_contains(const struct ip_prefix *outer, const struct ip_prefix *inner);
/* Do they share any address? */
bool ip_prefix_overlaps(const struct ip_prefix *a, const struct ip_prefix *b);
bool ip_prefix_is_any(const struct ip_prefix *p);
/* Format as text (buf at least 50 bytes). */
const char *ip_prefix_format(const struct ip_prefix *p, char *buf, size_t n);

/* -------------------------------------------------------------------- text */

/* Decode one UTF-8 sequence at s (n > 0 bytes available): returns the bytes
 * consumed (>= 1) and the code point, U+FFFD for an invalid sequence
 * (overlong forms, surrogates and values past U+10FFFF included). */
size_t utf8_next(const char *s, size_t n, uint32_t *cp);
/* Write code point cp as UTF-8. */
void utf8_put(FILE *f, uint32_t cp);

/*
 * Text from an input (a host name, a file name, a line of configuration, a
 * rule's title) made safe to print on a terminal: C0 and C1 control
 * characters (escape, carriage return, line feed and tab included), DEL and
 * the bidirectional-override characters become '?', invalid UTF-8 becomes
 * U+FFFD. So no input can move the cursor, set the window title, clear the
 * screen, split one output line into two or reorder what is shown.
 * term_cstr(NULL) writes nothing. term_clean() writes into b (reset first)
 * and returns its text.
 */
void term_write(FILE *f, const char *s, size_t n);
void term_cstr(FILE *f, const char *s);
const char *term_clean(struct buf *b, const char *s);

/* -------------------------------------------------------------------- JSON */

/*
 * A JSON string literal, quotes included: control characters escaped,
 * invalid UTF-8 replaced by U+FFFD, and <, >, & escaped so the literal is
 * also safe inside an HTML <script> element. json_write_cstr(NULL) writes null.
 */
void json_write_str(FILE *f, const char *s, size_t n);
void json_write_cstr(FILE *f, const char *s);

/* ------------------------------------------------------------------ hashing */

/* SHA-256: the 32 bytes, or 64 lowercase hex characters and a NUL. */
void sha256(const void *data, size_t len, uint8_t out[32]);
void sha256_hex(const void *data, size_t len, char out[65]);
/* The digest in base64 (44 characters and a NUL), as CSP 'sha256-...' wants it. */
void sha256_base64(const void *data, size_t len, char out[45]);

/* SHA-256 over data given in pieces: begin, add any number of times, then
 * end, which writes the 64 hex characters and a NUL and frees the state. */
struct sha256_stream {
    void *ctx;
};
void sha256_begin(struct sha256_stream *s);
void sha256_add(struct sha256_stream *s, const void *data, size_t len);
void sha256_end(struct sha256_stream *s, char out[65]);

/* ------------------------------------------------------------------- dates */

/* Days since 1970-01-01 for "YYYY-MM-DD"; false if malformed. */
bool date_parse(const char *s, int32_t *days);
void date_format(int32_t days, char out[11]);
int32_t date_today(void);

#endif

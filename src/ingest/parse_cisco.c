/*
 * parse_cisco.c - the indentation parser for IOS/IOS-XE, NX-OS, IOS-XR, ASA
 * and EOS.
 *
 * One pass over the buffer. A statement's parent is the nearest previous
 * statement with a smaller indentation, so irregular indentation, tabs and
 * mixed styles all give a sensible tree. Not nodes: blank lines, `!`, `#` and
 * `:` comment lines, collector preambles ("Building configuration...",
 * "Current configuration : N bytes"), and the closing markers `end`, `exit`,
 * `quit`, `endif`/`end-if` and `end-policy`/`end-set`/`end-group`.
 *
 * Special shapes:
 *   - banners (`banner login ^C ... ^C`, any one-character delimiter, a raw
 *     ETX byte, `^CC`, single-line `banner motd #text#`, EOS `banner login`
 *     ... `EOF`) become one CFG_BANNER node whose body is the text between
 *     the delimiters; ASA repeats `banner motd <text>` per line, which stays
 *     ordinary statements;
 *   - IOS-XR RPL blocks (`route-policy`, `prefix-set`, `community-set`, ...)
 *     own every line up to their `end-policy`/`end-set`, whatever the
 *     indentation of those lines;
 *   - certificate hex lines are ordinary (deeper-indented) children of their
 *     `certificate` statement, and the closing `quit` is a marker.
 * Delimiter searches remember where a search already failed, so a file full
 * of unterminated banners stays linear.
 */
#include "ingest/parsers.h"

#include <string.h>

struct indent_ent {
    uint32_t indent;
    struct cfg_node *node;
};

/* Search slots: one per delimiter byte, plus "^C" and "EOF". */
enum { SLOT_CARET_C = 256, SLOT_EOF = 257, SLOT_COUNT = 258 };

struct cisco_parser {
    struct cfg_tree *t;
    struct indent_ent *stk;
    uint32_t nstk, capstk;
    size_t fail_from[SLOT_COUNT]; /* a search from here on is known to fail */
    struct cfg_node *rpl;         /* open IOS-XR RPL block, if any */
    uint32_t rpl_floor;           /* stack entries below this belong outside the block */
};

static bool text_is(const char *t, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n == m && memcmp(t, s, m) == 0;
}

static bool text_starts(const char *t, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n >= m && memcmp(t, s, m) == 0;
}

static bool text_starts_word(const char *t, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n >= m && memcmp(t, s, m) == 0 && (n == m || t[m] == ' ' || t[m] == '\t');
}

static const char *find_bytes(const char *p, const char *end, const char *d, size_t dn)
{
    while (p + dn <= end) {
        const char *hit = memchr(p, d[0], (size_t)(end - p));
        if (!hit || hit + dn > end)
            return NULL;
        if (memcmp(hit, d, dn) == 0)
            return hit;
        p = hit + 1;
    }
    return NULL;
}

static void push(struct cisco_parser *cp, uint32_t indent, struct cfg_node *n)
{
    if (cp->nstk == cp->capstk) {
        uint32_t cap = cp->capstk ? cp->capstk * 2 : 32;
        cp->stk = arena_grow(cp->t->arena, cp->stk, cp->nstk, cap, sizeof(*cp->stk));
        cp->capstk = cap;
    }
    cp->stk[cp->nstk].indent = indent;
    cp->stk[cp->nstk].node = n;
    cp->nstk++;
}

/* The parent for a statement at this indentation (pops deeper entries). */
static struct cfg_node *parent_for(struct cisco_parser *cp, uint32_t indent)
{
    uint32_t floor = cp->rpl ? cp->rpl_floor : 0;
    while (cp->nstk > floor && cp->stk[cp->nstk - 1].indent >= indent)
        cp->nstk--;
    if (cp->nstk > floor)
        return cp->stk[cp->nstk - 1].node;
    return cp->rpl;
}

/* IOS-XR blocks closed by an explicit end-* line. */
static bool is_rpl_opener(const char *t, size_t n)
{
    static const char *const openers[] = {
        "route-policy", "prefix-set", "community-set", "extcommunity-set", "large-community-set",
        "as-path-set",  "rd-set",     "tag-set",       "policy-global",    "ospf-area-set",
        "mac-set",      "esi-set",    "etag-set",
    };
    for (size_t i = 0; i < ARRAY_SIZE(openers); i++)
        if (text_starts_word(t, n, openers[i]))
            return true;
    return false;
}

/* `end-policy`, `end-set`, `end-global`, `end-group`, ... (one word). */
static bool is_end_marker(const char *t, size_t n)
{
    if (!text_starts(t, n, "end-") || n == 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (t[i] == ' ' || t[i] == '\t')
            return false;
    return true;
}

/* Lines that are not statements: comments, preambles and closing markers. */
static bool is_skipped(const char *t, size_t n)
{
    if (t[0] == '!' || t[0] == '#' || t[0] == ':')
        return true;
    return text_is(t, n, "end") || text_is(t, n, "exit") || text_is(t, n, "quit") ||
           text_is(t, n, "endif") || text_is(t, n, "end-if") ||
           text_starts(t, n, "Building configuration") ||
           text_starts(t, n, "Current configuration");
}

/* Where a search for slot's delimiter from pos ends (NULL = not found). */
static const char *search_delim(struct cisco_parser *cp, unsigned slot, const char *d, size_t dn,
                                const char *from)
{
    const char *buf = cp->t->buf, *end = buf + cp->t->len;
    size_t pos = (size_t)(from - buf);
    if (pos >= cp->fail_from[slot])
        return NULL;
    const char *hit = find_bytes(from, end, d, dn);
    if (!hit)
        cp->fail_from[slot] = pos;
    return hit;
}

/* An EOS banner body ends at a line holding just "EOF". Returns that line's start. */
static const char *search_eof_line(struct cisco_parser *cp, const char *from)
{
    const char *buf = cp->t->buf, *end = buf + cp->t->len;
    size_t pos = (size_t)(from - buf);
    if (pos >= cp->fail_from[SLOT_EOF])
        return NULL;
    const char *p = from;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p, *e = le;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e - s == 3 && memcmp(s, "EOF", 3) == 0)
            return p;
        p = nl ? nl + 1 : end;
    }
    cp->fail_from[SLOT_EOF] = pos;
    return NULL;
}

static uint32_t count_newlines(const char *p, const char *e)
{
    uint32_t n = 0;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        if (!nl)
            break;
        n++;
        p = nl + 1;
    }
    return n;
}

/*
 * Does this statement open a delimited banner? Returns the offset of the
 * delimiter inside t (and its length), or -1. `aaa authentication banner`
 * and `aaa authentication fail-message` take delimiters too.
 */
static long banner_delim(enum dialect d, const char *t, size_t n, size_t *dlen, bool *eos_eof)
{
    size_t k;
    *eos_eof = false;
    if (text_starts_word(t, n, "banner"))
        k = 6;
    else if (text_starts_word(t, n, "aaa authentication banner"))
        k = 25;
    else if (text_starts_word(t, n, "aaa authentication fail-message"))
        k = 31;
    else
        return -1;
    if (d == DIALECT_CISCO_ASA)
        return -1; /* ASA: one `banner <type> <text>` statement per line */
    while (k < n && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (text_starts_word(t, n, "banner")) {
        /* skip the banner type word */
        while (k < n && t[k] != ' ' && t[k] != '\t')
            k++;
        while (k < n && (t[k] == ' ' || t[k] == '\t'))
            k++;
    }
    if (k >= n) {
        if (d == DIALECT_ARISTA_EOS && text_starts_word(t, n, "banner")) {
            *eos_eof = true;
            return (long)n;
        }
        return -1;
    }
    if (n - k >= 2 && t[k] == '^' && t[k + 1] == 'C') {
        *dlen = 2;
        return (long)k;
    }
    *dlen = 1;
    return (long)k;
}

/*
 * Parse a banner starting on the line [ls, le) with trimmed text t. Adds the
 * node and returns where parsing resumes (start of the next line to read)
 * and the number of lines consumed beyond the first.
 */
static const char *parse_banner(struct cisco_parser *cp, struct cfg_node *parent, uint32_t indent,
                                const char *t, size_t tn, const char *line_end, uint32_t line,
                                long off, size_t dlen, bool eos_eof, uint32_t *extra_lines)
{
    struct cfg_tree *tr = cp->t;
    const char *end = tr->buf + tr->len;
    const char *next_line = line_end < end ? line_end + 1 : end;
    *extra_lines = 0;
    struct cfg_node *n = cfg_node_add(tr, parent, t, tn, line, CFG_BANNER);
    if (!n)
        return next_line;
    push(cp, indent, n);
    if (eos_eof) {
        const char *eof = search_eof_line(cp, next_line);
        if (!eof) {
            cfg_diag(tr, DIAG_ERROR, line, "unterminated banner: no 'EOF' line before the end");
            n->body = t + tn;
            return next_line;
        }
        n->body = next_line;
        n->body_len = (uint32_t)(eof - next_line);
        /* drop the newline (and CR) before EOF from the body */
        while (n->body_len &&
               (n->body[n->body_len - 1] == '\n' || n->body[n->body_len - 1] == '\r'))
            n->body_len--;
        *extra_lines = count_newlines(next_line, eof) + 1;
        n->end_line = line + *extra_lines;
        const char *nl = memchr(eof, '\n', (size_t)(end - eof));
        return nl ? nl + 1 : end;
    }
    const char *delim = t + off;
    const char *body = delim + dlen;
    unsigned slot = dlen == 2 ? SLOT_CARET_C : (unsigned char)delim[0];
    /* `banner login ^CC`: the display of the delimiter followed by a stray C */
    if (dlen == 2 && body < t + tn && *body == 'C' && body + 1 == t + tn)
        body++;
    const char *close = NULL;
    if (body < t + tn)
        close = find_bytes(body, t + tn, delim, dlen);
    if (!close) {
        /* The body goes on after this line (searched on the raw buffer). */
        close = next_line < end ? search_delim(cp, slot, delim, dlen, next_line) : NULL;
        if (!close) {
            char shown[3] = {delim[0], dlen == 2 ? delim[1] : '\0', '\0'};
            if (delim[0] == 3 || (unsigned char)delim[0] < 0x20 ||
                (unsigned char)delim[0] >= 0x7f) {
                shown[0] = '^';
                shown[1] = (unsigned char)delim[0] < 0x20 ? (char)(delim[0] + '@') : '?';
            }
            cfg_diag(tr, DIAG_ERROR, line,
                     "unterminated banner: no closing '%s' before the end of the file", shown);
            n->body = body;
            n->body_len = (uint32_t)(t + tn - body);
            return next_line;
        }
    }
    n->body = body;
    n->body_len = (uint32_t)(close - body);
    *extra_lines = count_newlines(body, close);
    n->end_line = line + *extra_lines;
    const char *nl = memchr(close, '\n', (size_t)(end - close));
    return nl ? nl + 1 : end;
}

int parse_cisco(struct cfg_tree *t)
{
    struct cisco_parser cp;
    memset(&cp, 0, sizeof(cp));
    cp.t = t;
    for (unsigned i = 0; i < SLOT_COUNT; i++)
        cp.fail_from[i] = SIZE_MAX;
    uint32_t errors_before = cfg_error_count(t);
    uint32_t rpl_line = 0;

    const char *p = t->buf, *end = t->buf + t->len;
    uint32_t line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ls = p;
        p = nl ? nl + 1 : end;
        line++;
        if ((size_t)(le - ls) > t->limits.max_line_len) {
            cfg_diag(t, DIAG_ERROR, line, "line of %zu bytes exceeds the limit of %zu; skipped",
                     (size_t)(le - ls), t->limits.max_line_len);
            continue;
        }
        const char *e = le;
        while (e > ls && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        uint32_t indent = 0;
        const char *s = ls;
        while (s < e && (*s == ' ' || *s == '\t')) {
            indent++; /* a tab is one step, like a space */
            s++;
        }
        size_t n = (size_t)(e - s);
        if (n == 0)
            continue;
        if (cp.rpl && is_end_marker(s, n)) {
            cp.nstk = cp.rpl_floor ? cp.rpl_floor - 1 : 0;
            cp.rpl = NULL;
            continue;
        }
        if (is_end_marker(s, n)) {
            if (!cp.rpl && (text_is(s, n, "end-policy") || text_is(s, n, "end-set")))
                cfg_diag(t, DIAG_WARNING, line, "'%.*s' without an open block", (int)n, s);
            continue;
        }
        if (is_skipped(s, n))
            continue;
        struct cfg_node *parent = parent_for(&cp, indent);
        size_t dlen = 0;
        bool eos_eof = false;
        long off = banner_delim(t->dialect, s, n, &dlen, &eos_eof);
        if (off >= 0) {
            uint32_t extra = 0;
            p = parse_banner(&cp, parent, indent, s, n, le, line, off, dlen, eos_eof, &extra);
            line += extra;
            continue;
        }
        unsigned flags = 0;
        struct cfg_node *node = cfg_node_add(t, parent, s, n, line, flags);
        if (!node)
            continue;
        if (!cp.rpl && !parent && is_rpl_opener(s, n)) {
            push(&cp, indent, node);
            cp.rpl = node;
            cp.rpl_floor = cp.nstk;
            rpl_line = line;
            continue;
        }
        push(&cp, indent, node);
    }
    if (cp.rpl)
        cfg_diag(t, DIAG_WARNING, rpl_line, "'%.*s' is not closed by an end-* line",
                 (int)(cp.rpl->len > 60 ? 60 : cp.rpl->len), cp.rpl->text);
    return (int)(cfg_error_count(t) - errors_before);
}

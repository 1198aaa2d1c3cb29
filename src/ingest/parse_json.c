/*
 * parse_json.c - cloud exports (JSON) into the config tree, with jansson.
 *
 * jansson validates and decodes each document (a file may hold several, one
 * after another, as `aws ... >> account.json` writes them). Every object
 * member and array element becomes one node whose text is its JSON path from
 * the document root, and for a scalar its value as JSON:
 *
 *     $.SecurityGroups[0].IpPermissions[1].FromPort = 22
 *
 * so evidence in every report names the path and the line, and user rules
 * can match paths with a regex. jansson keeps no positions for values, so
 * the line of each node comes from a cursor that steps over the already
 * validated text token by token in the same order as the decoded tree
 * (jansson keeps object members in document order, and duplicate keys are
 * rejected, so the two walks cannot drift apart).
 *
 * Problems (malformed or truncated JSON, nesting or size limits) become
 * "file:line: error:" diagnostics with the column, the tree keeps what was
 * read before them and is marked partial.
 */
#include "ingest/parsers.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Longest path or value text kept in a node; longer ones are cut with "...". */
#define JSON_TEXT_MAX 4096

/* The cursor over a document's text: the line of each token in turn. */
struct json_cursor {
    const char *p, *end;
    uint32_t line;
};

struct json_walk {
    struct cfg_tree *t;
    struct json_cursor cur;
    struct buf path; /* the JSON path of the value being visited */
    bool stopped;    /* a limit was hit: add nothing more */
};

static bool json_delim(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == ']' ||
           c == '}';
}

/* Step to the next token that starts a value or a key and return its line;
 * closing brackets, commas and colons are stepped over. */
static uint32_t cursor_next(struct json_cursor *c)
{
    while (c->p < c->end && json_delim(*c->p)) {
        c->line += *c->p == '\n';
        c->p++;
    }
    uint32_t line = c->line;
    if (c->p >= c->end)
        return line;
    if (*c->p == '{' || *c->p == '[') {
        c->p++;
    } else if (*c->p == '"') {
        for (c->p++; c->p < c->end && *c->p != '"'; c->p++)
            if (*c->p == '\\' && c->p + 1 < c->end)
                c->p++;
        c->p++;
    } else {
        while (c->p < c->end && !json_delim(*c->p))
            c->p++;
    }
    return line;
}

/* Append a member name to the path: ".name" for plain names, else ["name"]. */
static void path_push_key(struct buf *b, const char *key)
{
    bool plain = *key != '\0';
    for (const char *k = key; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
              *k == '_' || *k == '-'))
            plain = false;
    if (plain) {
        buf_printf(b, ".%s", key);
        return;
    }
    json_t *s = json_string(key);
    char *q = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
    buf_printf(b, "[%s]", q ? q : "\"?\"");
    free(q);
    json_decref(s);
}

/* The node text: the path, and " = value" for a scalar (cut at JSON_TEXT_MAX). */
static struct cfg_node *add_node(struct json_walk *w, struct cfg_node *parent, json_t *v,
                                 uint32_t line)
{
    struct buf text;
    buf_init(&text, 0);
    buf_add(&text, w->path.data, w->path.len);
    if (!json_is_object(v) && !json_is_array(v)) {
        char *val = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        buf_printf(&text, " = %s", val ? val : "null");
        free(val);
    }
    size_t len = text.len;
    if (len > JSON_TEXT_MAX) {
        len = JSON_TEXT_MAX;
        memcpy(text.data + len - 3, "...", 3);
    }
    char *copy = arena_alloc(w->t->arena, len + 1);
    memcpy(copy, text.data, len);
    copy[len] = '\0';
    buf_free(&text);
    struct cfg_node *n = cfg_node_add(w->t, parent, copy, len, line, 0);
    if (!n)
        w->stopped = true;
    return n;
}

static void walk_value(struct json_walk *w, struct cfg_node *parent, json_t *v, uint32_t line,
                       unsigned depth);

/* The members or elements of a container, each a child node of parent. */
static void walk_children(struct json_walk *w, struct cfg_node *parent, json_t *v, unsigned depth)
{
    if (json_is_object(v)) {
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child)
        {
            if (w->stopped)
                return;
            size_t mark = w->path.len;
            path_push_key(&w->path, key);
            uint32_t line = cursor_next(&w->cur); /* the key */
            walk_value(w, parent, child, line, depth + 1);
            w->path.len = mark;
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child)
        {
            if (w->stopped)
                return;
            size_t mark = w->path.len;
            buf_printf(&w->path, "[%zu]", i);
            walk_value(w, parent, child, 0, depth + 1);
            w->path.len = mark;
        }
    }
}

/* One value: its node (line = its key's line, or its own first token),
 * then its children. The cursor advances past the value's first token. */
static void walk_value(struct json_walk *w, struct cfg_node *parent, json_t *v, uint32_t line,
                       unsigned depth)
{
    uint32_t own = cursor_next(&w->cur);
    if (!line)
        line = own;
    struct cfg_node *n = add_node(w, parent, v, line);
    if (!n)
        return;
    if (depth + 1 >= w->t->limits.max_depth && json_array_size(v) + json_object_size(v)) {
        cfg_diag(w->t, DIAG_ERROR, line, "JSON nested deeper than %u levels; the rest is skipped",
                 w->t->limits.max_depth);
        w->stopped = true;
        return;
    }
    walk_children(w, n, v, depth);
}

/* 1-based line and column of position pos in the buffer. */
static void position_of(const char *buf, size_t pos, uint32_t *line, uint32_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < pos; i++) {
        if (buf[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static size_t skip_blank(const char *buf, size_t len, size_t i)
{
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    return i;
}

/* Report a jansson error in the document starting at off, with its place
 * in the file (jansson counts lines and columns from the document start). */
static void report_error(struct cfg_tree *t, size_t off, const json_error_t *err)
{
    uint32_t line, col;
    size_t at = off + (err->position > 0 ? (size_t)err->position : 0);
    if (at > t->len)
        at = t->len;
    bool eof = at >= t->len || skip_blank(t->buf, t->len, at) >= t->len;
    /* jansson stops just after the offending token: point at its last byte. */
    if (at > off && !eof)
        at--;
    position_of(t->buf, at, &line, &col);
    cfg_diag(t, DIAG_ERROR, line, "malformed JSON at column %u: %s%s", col, err->text,
             eof ? " (the export looks truncated)" : "");
}

int parse_json(struct cfg_tree *t)
{
    uint32_t before = cfg_error_count(t);
    struct json_walk w = {.t = t};
    buf_init(&w.path, 1u << 20);
    size_t off = 0;
    /* A UTF-8 byte order mark is not JSON; editors on Windows write one. */
    if (t->len >= 3 && memcmp(t->buf, "\xEF\xBB\xBF", 3) == 0)
        off = 3;
    uint32_t line = 1;
    size_t counted = 0;
    for (unsigned doc = 0; !w.stopped; doc++) {
        off = skip_blank(t->buf, t->len, off);
        if (off >= t->len) {
            if (doc == 0)
                cfg_diag(t, DIAG_ERROR, 1, "empty JSON export");
            break;
        }
        json_error_t err;
        json_t *root = json_loadb(t->buf + off, t->len - off,
                                  JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &err);
        if (!root) {
            report_error(t, off, &err);
            break;
        }
        for (; counted < off; counted++)
            line += t->buf[counted] == '\n';
        w.cur = (struct json_cursor){.p = t->buf + off, .end = t->buf + t->len, .line = line};
        buf_reset(&w.path);
        buf_adds(&w.path, "$");
        /* The document root is not a node: its members are the top level. */
        cursor_next(&w.cur);
        walk_children(&w, NULL, root, 0);
        json_decref(root);
        off += (size_t)err.position;
    }
    buf_free(&w.path);
    return (int)(cfg_error_count(t) - before);
}

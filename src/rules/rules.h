/*
 * rules.h - user-written rules and frameworks, as data (YAML), without C.
 *
 * A rule is a check over the config tree: scoped regex or path matches with
 * exists / absent / every / count / value / in-ranges conditions combined
 * with all / any / none. Loaded rules are registered in the check registry
 * (checks_register) so they appear in every report exactly like built-in
 * checks. A framework maps another standard's requirement ids to check and
 * rule ids, so the same per-requirement view the Code gets can be produced
 * for it. Sits above checks. The language is documented in docs/rules.md.
 */
#ifndef TSAUDIT_RULES_H
#define TSAUDIT_RULES_H

#include "checks/checks.h"

/*
 * Load a rules file, or every *.yaml / *.yml file in a folder (sorted), and
 * register its rules. Errors are reported as
 * "file:line:column: error: field 'x': ..."; a rule with an error is skipped,
 * the others load. Returns the number of errors.
 */
int rules_load_path(struct arena *a, const char *path);
/* The rule files of a folder as rules_load_path() reads them: its .yaml and
 * .yml files (not hidden ones), as paths in a, in name order. *out is
 * malloc'd (free it; the paths live in a). 0, or -1 when it cannot be read. */
int rules_folder_files(struct arena *a, const char *path, char ***out, size_t *count);
/* The same from a buffer (tests, fuzzing); registers nothing when register_rules is false. */
int rules_load_buffer(struct arena *a, const char *name, const char *data, size_t len,
                      bool register_rules, size_t *nloaded);

/* One requirement of a framework and the checks that evidence it. */
struct framework_req {
    const char *id;
    const char *title;
    const char *section; /* optional grouping */
    const char **checks; /* check or rule ids */
    size_t nchecks;
    uint32_t line;
};

struct framework {
    const char *path;
    const char *id;
    const char *title;
    const char *version;
    struct framework_req *reqs;
    size_t nreqs;
};

/* Load a framework file; check ids must exist (load rules first). 0 or -1. */
int framework_load(struct framework *fw, struct arena *a, const char *path);
int framework_load_buffer(struct framework *fw, struct arena *a, const char *name, const char *data,
                          size_t len);

#endif

/*
 * fuzz_inventory.c - the inventory loaders (router.db, Nornir and Ansible
 * YAML, Ansible INI): any input loads or yields diagnostics, never crashes,
 * and every entry kept names a device and a reading it can stand by.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct inventory *inv)
{
    for (size_t i = 0; i < inv->n; i++) {
        const struct inventory_entry *e = &inv->items[i];
        if (!e->name || !*e->name || !e->source || (unsigned)e->dialect >= DIALECT_COUNT ||
            (unsigned)e->platform >= PLATFORM_COUNT)
            abort();
        if (e->dialect != DIALECT_UNKNOWN && e->platform != PLATFORM_NONE)
            abort();
        if (!strchr(e->name, '/') && inventory_find(inv, e->name) == NULL)
            abort(); /* a name finds an entry (this one or an earlier namesake) */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    /* The first byte picks the format the way a file name would. */
    static const char *const names[] = {"router.db", "hosts.yaml", "inventory.ini"};
    const char *name = names[size ? data[0] % 3 : 0];
    struct arena a;
    arena_init(&a);
    struct inventory inv;
    inventory_init(&inv, &a);
    inventory_load_buffer(&inv, name, size ? (const char *)data + 1 : "", size ? size - 1 : 0,
                          NULL);
    check(&inv);
    arena_free(&a);
    return 0;
}

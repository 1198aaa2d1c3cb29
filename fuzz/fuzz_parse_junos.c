/*
 * fuzz_parse_junos.c - the Junos parser (brace and set forms): any input
 * gives a well-formed tree, with diagnostics when malformed. The first byte
 * picks the form and whether tight limits apply.
 */
#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum dialect_form forms[] = {FORM_DEFAULT, FORM_JUNOS_BRACE, FORM_JUNOS_SET};
    if (size < 1)
        return 0;
    fuzz_parse_tree(data + 1, size - 1, DIALECT_JUNIPER_JUNOS, forms[(data[0] & 0x7f) % 3],
                    (data[0] & 0x80) != 0);
    return 0;
}

/*
 * fuzz_parse_sros.c - the SR OS parser (classic CLI, MD-CLI braces, flat
 * lines): any input gives a well-formed tree, with diagnostics when
 * malformed. The first byte picks the form and whether tight limits apply.
 */
#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum dialect_form forms[] = {FORM_DEFAULT, FORM_SROS_CLASSIC, FORM_SROS_MDCLI,
                                              FORM_SROS_MDCLI_FLAT};
    if (size < 1)
        return 0;
    fuzz_parse_tree(data + 1, size - 1, DIALECT_NOKIA_SROS, forms[(data[0] & 0x7f) % 4],
                    (data[0] & 0x80) != 0);
    return 0;
}

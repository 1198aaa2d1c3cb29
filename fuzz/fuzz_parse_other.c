/*
 * fuzz_parse_other.c - the Huawei VRP and FortiOS parsers with queries and
 * printing. The first byte picks the dialect (lowest bit) and tight limits
 * (high bit); the rest is the configuration.
 */
#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum dialect d = (data[0] & 1) ? DIALECT_FORTINET_FORTIOS : DIALECT_HUAWEI_VRP;
    fuzz_parse_tree(data + 1, size - 1, d, FORM_DEFAULT, (data[0] & 0x80) != 0);
    return 0;
}

/*
 * fuzz_parse_cisco.c - the Cisco-family parser (IOS, NX-OS, IOS-XR, ASA, EOS)
 * with queries and printing. The first byte picks the dialect (low bits) and
 * tight limits (high bit); the rest is the configuration.
 */
#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum dialect dialects[] = {DIALECT_CISCO_IOS, DIALECT_CISCO_NXOS,
                                            DIALECT_CISCO_IOSXR, DIALECT_CISCO_ASA,
                                            DIALECT_ARISTA_EOS};
    if (size < 1)
        return 0;
    fuzz_parse_tree(data + 1, size - 1, dialects[(data[0] & 0x7f) % 5], FORM_DEFAULT,
                    (data[0] & 0x80) != 0);
    return 0;
}

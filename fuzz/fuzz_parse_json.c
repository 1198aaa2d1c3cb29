/*
 * fuzz_parse_json.c - the cloud export reader (jansson into the tree; the
 * extractor is fuzzed through fuzz_scan_one). The first byte picks the dialect (its two
 * lowest bits: AWS, Azure, Google Cloud, Terraform) and tight limits (high
 * bit); the rest is the export.
 */
#include "fuzz_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum dialect dialects[] = {DIALECT_AWS, DIALECT_AZURE, DIALECT_GCP,
                                            DIALECT_TERRAFORM};
    if (size < 1)
        return 0;
    fuzz_parse_tree(data + 1, size - 1, dialects[data[0] & 3], FORM_DEFAULT, (data[0] & 0x80) != 0);
    return 0;
}

/*
 * sha256.c - SHA-256 for content hashes and digests of inputs, from OpenSSL's
 * libcrypto, which uses the CPU's SHA instructions where there are any
 * (every config byte of a scan is hashed once, so this is on the hot path).
 */
#include "core/core.h"

#include <openssl/evp.h>

void sha256_hex(const void *data, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!EVP_Digest(len ? data : "", len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
        BUG("SHA-256 failed");
    for (unsigned i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = 0;
}

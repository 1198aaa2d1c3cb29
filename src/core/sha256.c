/*
 * sha256.c - SHA-256 for content hashes and digests of inputs, from OpenSSL's
 * libcrypto, which uses the CPU's SHA instructions where there are any
 * (every config byte of a scan is hashed once, so this is on the hot path).
 */
#include "core/core.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sha256(const void *data, size_t len, uint8_t out[32])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!EVP_Digest(len ? data : "", len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
        BUG("SHA-256 failed");
    memcpy(out, md, 32);
}

static void to_hex(const uint8_t md[32], char out[65])
{
    static const char hex[] = "0123456789abcdef";
    for (unsigned i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = 0;
}

void sha256_hex(const void *data, size_t len, char out[65])
{
    uint8_t md[32];
    sha256(data, len, md);
    to_hex(md, out);
}

void sha256_begin(struct sha256_stream *s)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx) {
        fputs("tsaudit: out of memory (SHA-256 state)\n", stderr);
        abort();
    }
    if (!EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
        BUG("SHA-256 init failed");
    s->ctx = ctx;
}

void sha256_add(struct sha256_stream *s, const void *data, size_t len)
{
    if (len && !EVP_DigestUpdate(s->ctx, data, len))
        BUG("SHA-256 update failed");
}

void sha256_end(struct sha256_stream *s, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!EVP_DigestFinal_ex(s->ctx, md, &mdlen) || mdlen != 32)
        BUG("SHA-256 final failed");
    EVP_MD_CTX_free(s->ctx);
    s->ctx = NULL;
    to_hex(md, out);
}

void sha256_base64(const void *data, size_t len, char out[45])
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint8_t md[32];
    sha256(data, len, md);
    size_t o = 0;
    for (size_t i = 0; i < 32; i += 3) {
        uint32_t v = (uint32_t)md[i] << 16 | (i + 1 < 32 ? (uint32_t)md[i + 1] << 8 : 0) |
                     (i + 2 < 32 ? md[i + 2] : 0);
        out[o++] = tbl[v >> 18 & 63];
        out[o++] = tbl[v >> 12 & 63];
        out[o++] = i + 1 < 32 ? tbl[v >> 6 & 63] : '=';
        out[o++] = i + 2 < 32 ? tbl[v & 63] : '=';
    }
    out[o] = 0;
}

/* SHA-256 (FIPS 180-4): constants, the portable compression function, CPU dispatch and the
 * whole-message functions. The SHA-NI compression lives in sha256_shani.c. */
#include <stdatomic.h>
#include <string.h>

#include "granary.h"

const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t sha256_iv[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

uint32_t sha256_pad_block_wk[64];
/* Read on every call and switchable at run time (tests), hence atomic; relaxed order suffices. */
static atomic_int shani_active;

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static uint32_t big_sigma0(uint32_t x) { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
static uint32_t big_sigma1(uint32_t x) { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
static uint32_t small_sigma0(uint32_t x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
static uint32_t small_sigma1(uint32_t x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

static uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void expand_schedule(uint32_t w[64]) {
    for (int t = 16; t < 64; t++)
        w[t] = small_sigma1(w[t - 2]) + w[t - 7] + small_sigma0(w[t - 15]) + w[t - 16];
}

static void rounds(uint32_t state[8], const uint32_t wk[64]) {
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = h + big_sigma1(e) + ((e & f) ^ (~e & g)) + wk[t];
        uint32_t t2 = big_sigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

void sha256_compress_portable(uint32_t state[8], const uint8_t *blocks, size_t nblocks) {
    uint32_t w[64];
    for (; nblocks > 0; nblocks--, blocks += 64) {
        for (int t = 0; t < 16; t++)
            w[t] = load_be32(blocks + 4 * t);
        expand_schedule(w);
        for (int t = 0; t < 64; t++)
            w[t] += sha256_k[t];
        rounds(state, w);
    }
}

void nodes_portable(const uint8_t *children, uint8_t *parents, size_t count) {
    for (size_t i = 0; i < count; i++) {
        uint32_t state[8];
        memcpy(state, sha256_iv, sizeof state);
        sha256_compress_portable(state, children + 64 * i, 1);
        rounds(state, sha256_pad_block_wk);
        for (int j = 0; j < 8; j++)
            store_be32(parents + 32 * i + 4 * j, state[j]);
        parents[32 * i + 31] &= 0x3f;
    }
}

void sha256_init_tables(void) {
    uint32_t w[64] = {0};
    w[0] = 0x80000000u;
    w[15] = 512; /* message length in bits */
    expand_schedule(w);
    for (int t = 0; t < 64; t++)
        sha256_pad_block_wk[t] = w[t] + sha256_k[t];
}

static int cpu_has_sha_ni(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("ssse3");
}

__attribute__((constructor)) static void granary_init(void) {
    sha256_init_tables();
    atomic_store_explicit(&shani_active, cpu_has_sha_ni(), memory_order_relaxed);
}

int sha256_use_shani(void) { return atomic_load_explicit(&shani_active, memory_order_relaxed); }

int granary_sha_ni(void) { return sha256_use_shani(); }

/* Lets tests exercise the portable path on a SHA-NI machine; SHA-NI cannot be forced on a CPU
 * without it. Returns the resulting state. */
int granary_use_sha_ni(int enabled) {
    atomic_store_explicit(&shani_active, enabled && cpu_has_sha_ni(), memory_order_relaxed);
    return sha256_use_shani();
}

static void compress(uint32_t state[8], const uint8_t *blocks, size_t nblocks) {
    if (sha256_use_shani())
        sha256_compress_shani(state, blocks, nblocks);
    else
        sha256_compress_portable(state, blocks, nblocks);
}

void granary_sha256(const uint8_t *data, size_t len, uint8_t *digest) {
    uint32_t state[8];
    memcpy(state, sha256_iv, sizeof state);
    size_t full = len / 64;
    compress(state, data, full);

    uint8_t tail[128] = {0};
    size_t rest = len - 64 * full;
    if (rest > 0)
        memcpy(tail, data + 64 * full, rest);
    tail[rest] = 0x80;
    size_t tail_len = rest + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tail_len - 1 - i] = (uint8_t)(bits >> (8 * i));
    compress(state, tail, tail_len / 64);

    for (int j = 0; j < 8; j++)
        store_be32(digest + 4 * j, state[j]);
}

void granary_sha256_batch(const uint8_t *data, size_t message_len, size_t count, uint8_t *digests) {
    for (size_t i = 0; i < count; i++)
        granary_sha256(data + i * message_len, message_len, digests + 32 * i);
}

void granary_hash_nodes(const uint8_t *children, uint8_t *parents, size_t count) {
    if (sha256_use_shani())
        nodes_shani(children, parents, count);
    else
        nodes_portable(children, parents, count);
}

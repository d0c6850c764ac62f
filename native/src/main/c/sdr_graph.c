/* Parents of stacked-DRG nodes, as rust-fil-proofs draws them: six base parents by bucket
 * sampling with a ChaCha8 generator keyed by (graph seed, node), then eight expansion parents by a
 * 3-round Feistel permutation over nodes * 8 indices. See dev.granary.kernels.sdr for the Java twin. */
#include <string.h>

#include "granary.h"

#define SDR_MAX_NODES (1ULL << 31)

typedef struct {
    uint32_t key[8];     /* 28-byte seed, then the node index */
    uint32_t block[16];
    uint64_t counter;
    int used;
} chacha8;

#define QR(a, b, c, d)                                                    \
    do {                                                                  \
        x[a] += x[b]; x[d] ^= x[a]; x[d] = (x[d] << 16) | (x[d] >> 16);   \
        x[c] += x[d]; x[b] ^= x[c]; x[b] = (x[b] << 12) | (x[b] >> 20);   \
        x[a] += x[b]; x[d] ^= x[a]; x[d] = (x[d] << 8) | (x[d] >> 24);    \
        x[c] += x[d]; x[b] ^= x[c]; x[b] = (x[b] << 7) | (x[b] >> 25);    \
    } while (0)

static void chacha8_refill(chacha8 *rng) {
    uint32_t in[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    memcpy(in + 4, rng->key, sizeof rng->key);
    in[12] = (uint32_t)rng->counter;
    in[13] = (uint32_t)(rng->counter >> 32);
    in[14] = in[15] = 0; /* stream 0 */
    uint32_t x[16];
    memcpy(x, in, sizeof x);
    for (int r = 0; r < 8; r += 2) {
        QR(0, 4, 8, 12); QR(1, 5, 9, 13); QR(2, 6, 10, 14); QR(3, 7, 11, 15);
        QR(0, 5, 10, 15); QR(1, 6, 11, 12); QR(2, 7, 8, 13); QR(3, 4, 9, 14);
    }
    for (int i = 0; i < 16; i++)
        rng->block[i] = x[i] + in[i];
    rng->counter++;
    rng->used = 0;
}

/* rand_core's next_u64 over 32-bit blocks: two consecutive words, the first is the low half. */
static uint64_t chacha8_next_u64(chacha8 *rng) {
    if (rng->used == 16)
        chacha8_refill(rng);
    uint64_t low = rng->block[rng->used++];
    return (uint64_t)rng->block[rng->used++] << 32 | low;
}

typedef struct {
    uint64_t domain, left_mask, right_mask;
    int half_bits;
    uint64_t keys[3];
} feistel;

static void feistel_init(feistel *f, uint64_t domain, const uint64_t *keys) {
    uint64_t next_pow4 = 4;
    int log4 = 1;
    while (next_pow4 < domain) {
        next_pow4 *= 4;
        log4++;
    }
    f->domain = domain;
    f->half_bits = log4;
    f->right_mask = (1ULL << log4) - 1;
    f->left_mask = f->right_mask << log4;
    memcpy(f->keys, keys, sizeof f->keys);
}

static uint64_t feistel_encode(const feistel *f, uint64_t index) {
    uint64_t left = (index & f->left_mask) >> f->half_bits;
    uint64_t right = index & f->right_mask;
    for (int round = 0; round < 3; round++) {
        uint64_t next_right = left ^ (blake2b512_first_word16(right, f->keys[round]) & f->right_mask);
        left = right;
        right = next_right;
    }
    return left << f->half_bits | right;
}

static uint64_t feistel_permute(const feistel *f, uint64_t index) {
    uint64_t u = feistel_encode(f, index);
    while (u >= f->domain) /* cycle-walk back into the domain */
        u = feistel_encode(f, u);
    return u;
}

static void base_parents(const uint32_t seed[7], int version, uint64_t node, uint32_t out[6]) {
    if (node < 2) {
        memset(out, 0, 6 * sizeof(uint32_t));
        return;
    }
    chacha8 rng;
    memcpy(rng.key, seed, 7 * sizeof(uint32_t));
    rng.key[7] = (uint32_t)node;
    rng.counter = 0;
    rng.used = 16;
    const uint64_t m_prime = 5;
    uint64_t meta_node = node * m_prime;
    uint64_t buckets = 64 - (uint64_t)__builtin_clzll(meta_node - 1); /* ceil(log2(meta_node)) */
    int first = version == 1 ? 1 : 0;
    for (int k = 0; k < 5; k++) {
        uint64_t bucket = chacha8_next_u64(&rng) % buckets + 1;
        uint64_t largest = meta_node < (1ULL << bucket) ? meta_node : (1ULL << bucket);
        uint64_t smallest = (largest >> 1) > 2 ? (largest >> 1) : 2;
        uint64_t distance = smallest + chacha8_next_u64(&rng) % (largest - smallest + 1);
        uint64_t mapped = (meta_node - distance) / m_prime;
        out[first + k] = mapped == node ? (uint32_t)(node - 1) : (uint32_t)mapped;
    }
    out[version == 1 ? 0 : 5] = (uint32_t)(node - 1);
}

static void expansion_parents(const feistel *f, int version, uint64_t node, uint32_t out[8]) {
    for (uint64_t i = 0; i < 8; i++) {
        uint64_t permuted = feistel_permute(f, node * 8 + i);
        out[i] = version == 0 ? (uint32_t)permuted / 8 : (uint32_t)(permuted / 8);
    }
}

int granary_sdr_parents(const uint8_t *drg_seed, size_t seed_len, const uint64_t *feistel_keys, size_t key_count,
                        uint64_t nodes, int version, uint64_t first, uint64_t count, uint8_t *out, size_t out_len) {
    if (drg_seed == NULL || seed_len != 28 || feistel_keys == NULL || key_count < 3)
        return GRANARY_EINVAL;
    if (nodes < 2 || nodes > SDR_MAX_NODES || (version != 0 && version != 1))
        return GRANARY_EINVAL;
    if (first > nodes || count > nodes - first || count > out_len / SDR_PARENTS_BYTES)
        return GRANARY_EINVAL;
    if (count > 0 && out == NULL)
        return GRANARY_EINVAL;
    uint32_t seed[7];
    memcpy(seed, drg_seed, sizeof seed);
    feistel f;
    feistel_init(&f, nodes * 8, feistel_keys);
    for (uint64_t i = 0; i < count; i++) {
        uint32_t parents[SDR_DEGREE];
        base_parents(seed, version, first + i, parents);
        expansion_parents(&f, version, first + i, parents + 6);
        memcpy(out + i * SDR_PARENTS_BYTES, parents, SDR_PARENTS_BYTES); /* x86-64: u32 little-endian */
    }
    return GRANARY_OK;
}

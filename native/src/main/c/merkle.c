/*
 * Binary Merkle roots over sha256-trunc254 node hashes. Work proceeds in units small enough to
 * stay in the L1/L2 cache: each unit is reduced level by level in a scratch buffer (so every level
 * with four or more nodes gets the interleaved hashing), and unit roots are merged in order by a
 * binary counter of pending subtree roots.
 */
#include <string.h>

#include "granary.h"

#define UNIT_PADDED (16 * 1024)
#define UNIT_QUADS (UNIT_PADDED / FR32_PADDED)
#define MAX_HEIGHT 64

typedef struct {
    uint8_t pending[MAX_HEIGHT][2 * NODE_SIZE]; /* left child waiting for its right sibling */
    uint64_t occupied;                          /* bit h: pending[h] holds a root of height h */
} root_counter;

static void counter_push(root_counter *rc, int height, const uint8_t *root) {
    uint8_t node[NODE_SIZE];
    memcpy(node, root, NODE_SIZE);
    while (rc->occupied & (1ULL << height)) {
        memcpy(rc->pending[height] + NODE_SIZE, node, NODE_SIZE);
        granary_hash_nodes(rc->pending[height], node, 1);
        rc->occupied &= ~(1ULL << height);
        height++;
    }
    memcpy(rc->pending[height], node, NODE_SIZE);
    rc->occupied |= 1ULL << height;
}

static int log2_exact(size_t v) {
    if (v == 0 || (v & (v - 1)) != 0)
        return -1;
    return __builtin_ctzll(v);
}

/* Reduces len bytes (a power of two >= 64) of nodes in buf to a root; buf is overwritten. */
static void reduce_in_place(uint8_t *buf, size_t len, uint8_t *root) {
    for (; len > NODE_SIZE; len /= 2)
        granary_hash_nodes(buf, buf, len / 64);
    memcpy(root, buf, NODE_SIZE);
}

int granary_merkle_root(const uint8_t *padded, size_t len, uint8_t *root) {
    if (log2_exact(len) < 6)
        return -1;
    uint8_t scratch[UNIT_PADDED / 2];
    size_t unit = len < UNIT_PADDED ? len : UNIT_PADDED;
    int unit_height = log2_exact(unit / NODE_SIZE);
    root_counter rc = {.occupied = 0};
    for (size_t off = 0; off < len; off += unit) {
        uint8_t unit_root[NODE_SIZE];
        granary_hash_nodes(padded + off, scratch, unit / 64);
        reduce_in_place(scratch, unit / 2, unit_root);
        counter_push(&rc, unit_height, unit_root);
    }
    memcpy(root, rc.pending[log2_exact(len / NODE_SIZE)], NODE_SIZE);
    return 0;
}

int granary_pad_root(const uint8_t *raw, size_t quads, uint8_t *root) {
    if (log2_exact(quads) < 0)
        return -1;
    uint8_t scratch[UNIT_PADDED];
    size_t unit = quads < UNIT_QUADS ? quads : UNIT_QUADS;
    int unit_height = log2_exact(unit * FR32_PADDED / NODE_SIZE);
    root_counter rc = {.occupied = 0};
    for (size_t q = 0; q < quads; q += unit) {
        uint8_t unit_root[NODE_SIZE];
        granary_fr32_pad(raw + q * FR32_RAW, scratch, unit);
        reduce_in_place(scratch, unit * FR32_PADDED, unit_root);
        counter_push(&rc, unit_height, unit_root);
    }
    memcpy(root, rc.pending[log2_exact(quads * FR32_PADDED / NODE_SIZE)], NODE_SIZE);
    return 0;
}

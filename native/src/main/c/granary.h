/*
 * Granary native kernels: SHA-256, the sha256-trunc254 node hash, Fr32 padding and the binary
 * Merkle trees behind piece commitments. Functions prefixed granary_ are the exported ABI that the
 * Java side binds through JNA; everything else is internal to the library.
 */
#ifndef GRANARY_H
#define GRANARY_H

#include <stddef.h>
#include <stdint.h>

#if !defined(__x86_64__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "granary kernels are written for little-endian x86-64"
#endif

#define GRANARY_EXPORT __attribute__((visibility("default")))

/* Sizes of the Fr32 transform: 127 raw bytes become 128 padded bytes (four 32-byte field elements). */
#define FR32_RAW 127
#define FR32_PADDED 128
#define NODE_SIZE 32

/* ---- exported ABI ---- */
GRANARY_EXPORT int granary_sha_ni(void);
GRANARY_EXPORT int granary_use_sha_ni(int enabled);
GRANARY_EXPORT void granary_sha256(const uint8_t *data, size_t len, uint8_t *digest);
GRANARY_EXPORT void granary_sha256_batch(const uint8_t *data, size_t message_len, size_t count, uint8_t *digests);
GRANARY_EXPORT void granary_hash_nodes(const uint8_t *children, uint8_t *parents, size_t count);
GRANARY_EXPORT void granary_fr32_pad(const uint8_t *raw, uint8_t *padded, size_t quads);
GRANARY_EXPORT void granary_fr32_unpad(const uint8_t *padded, uint8_t *raw, size_t quads);
GRANARY_EXPORT int granary_merkle_root(const uint8_t *padded, size_t len, uint8_t *root);
GRANARY_EXPORT int granary_pad_root(const uint8_t *raw, size_t quads, uint8_t *root);

/* ---- exported ABI: stacked DRG (sdr_graph.c, sdr_labels.c) ---- */
#define GRANARY_OK 0
#define GRANARY_EINVAL (-1)     /* a length, count or pointer argument is out of range */
#define GRANARY_EBADPARENT (-2) /* a parent cache entry names a node a label may not depend on */
#define GRANARY_EIO_PARENTS (-3)  /* the parent cache file cannot be opened, mapped, or is too short */
#define GRANARY_EIO_PREVIOUS (-4) /* the previous layer's file cannot be opened, mapped, or is too short */
#define GRANARY_EIO_OUT (-5)      /* the layer file cannot be created, reserved on disk or mapped */
#define SDR_DEGREE 14
#define SDR_LABEL_MAX_NODES (UINT64_C(1) << 32) /* parents are u32 node indices */
#define SDR_PARENTS_BYTES (SDR_DEGREE * 4)
GRANARY_EXPORT int granary_sdr_parents(const uint8_t *drg_seed, size_t seed_len, const uint64_t *feistel_keys,
                                       size_t key_count, uint64_t nodes, int version, uint64_t first, uint64_t count,
                                       uint8_t *out, size_t out_len);
GRANARY_EXPORT int granary_sdr_label_layer(const uint8_t *replica_id, size_t replica_len, uint32_t layer,
                                           uint64_t nodes, const uint8_t *parents, size_t parents_len,
                                           const uint8_t *prev, size_t prev_len, uint8_t *out, size_t out_len);
/* Labels one layer from the parent cache file and the previous layer's file (layers > 1) into
 * out_path (created or truncated, nodes * 32 bytes), mapping each file whole. window_nodes is the
 * granularity of parent-cache read-ahead and of write-behind. On an I/O failure returns the
 * GRANARY_EIO_* of the file and stores errno (0: file too short) in *error_number when not NULL. */
GRANARY_EXPORT int granary_sdr_label_layer_files(const uint8_t *replica_id, size_t replica_len, uint32_t layer,
                                                 uint64_t nodes, const char *parents_path, const char *prev_path,
                                                 const char *out_path, uint64_t window_nodes, int *error_number);

/* ---- internal: SHA-256 ---- */
extern const uint32_t sha256_k[64];
extern const uint32_t sha256_iv[8];

/* W[t] + K[t] of the second block of every 64-byte message (0x80, zeros, bit length 512): the block
 * is the same for every node hash, so its message schedule is computed once. */
extern uint32_t sha256_pad_block_wk[64];

void sha256_init_tables(void);
void sha256_compress_portable(uint32_t state[8], const uint8_t *blocks, size_t nblocks);
void sha256_compress_shani(uint32_t state[8], const uint8_t *blocks, size_t nblocks);

/* Node hashes: count parents from 2*count consecutive 32-byte children; in-place (parents ==
 * children) is allowed because each parent lands at or before the children it was made from. */
void nodes_portable(const uint8_t *children, uint8_t *parents, size_t count);
void nodes_shani(const uint8_t *children, uint8_t *parents, size_t count);

/* ---- internal: BLAKE2b-512 of one 16-byte message (a || b, both big-endian); returns digest
 * bytes 0..7 read big-endian. The Feistel round function of the SDR expansion graph. */
uint64_t blake2b512_first_word16(uint64_t a, uint64_t b);

/* Whether the SHA-NI paths are selected (set once at load, or by granary_use_sha_ni). */
int sha256_use_shani(void);

#endif

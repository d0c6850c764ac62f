/* SDR labeling of one layer, as rust-fil-proofs' create_label / create_label_exp do it:
 *   label = SHA-256(replica_id || layer u32 BE || node u64 BE || 20 zero bytes || 37 parent labels)
 * with the top two bits of the last byte cleared. Layer 1 hashes its six base parents six times and
 * the first once more; later layers hash base parents (this layer) and expansion parents (previous
 * layer), 14 + 14 + 9. Node 0 hashes the 64-byte prefix alone.
 *
 * The prefix block holds the node index, so no midstate carries over from one label to the next;
 * instead each label is laid out as one 20-block message (prefix, 37 labels, padding whose tail is
 * constant and written once) and handed to the compression function in a single call, which is what
 * rust-fil-proofs' compress256 over the block list amounts to. */
#include <string.h>

#include "granary.h"

#define LABEL_PARENTS 37
#define LABEL_MESSAGE (64 + LABEL_PARENTS * NODE_SIZE)       /* 1248 bytes */
#define LABEL_BLOCKS ((LABEL_MESSAGE + 9 + 63) / 64)          /* 20 blocks */

typedef void (*compress_fn)(uint32_t state[8], const uint8_t *blocks, size_t nblocks);

static void store_digest(uint8_t *label, const uint32_t state[8]) {
    for (int j = 0; j < 8; j++) {
        uint32_t v = __builtin_bswap32(state[j]);
        memcpy(label + 4 * j, &v, 4);
    }
    label[NODE_SIZE - 1] &= 0x3f;
}

static void put_length_bits(uint8_t *block_end, uint64_t bits) {
    for (int i = 0; i < 8; i++)
        block_end[-1 - i] = (uint8_t)(bits >> (8 * i));
}

static void set_node(uint8_t *message, uint64_t node) {
    uint64_t be = __builtin_bswap64(node);
    memcpy(message + 36, &be, 8);
}

/* Fills the 37 label slots from the first `distinct` gathered ones, repeating them in order. */
static void repeat_labels(uint8_t *slots, size_t distinct) {
    size_t filled = distinct;
    while (filled < LABEL_PARENTS) {
        size_t n = LABEL_PARENTS - filled < distinct ? LABEL_PARENTS - filled : distinct;
        memcpy(slots + filled * NODE_SIZE, slots, n * NODE_SIZE);
        filled += n;
    }
}

int granary_sdr_label_layer(const uint8_t *replica_id, size_t replica_len, uint32_t layer, uint64_t nodes,
                            const uint8_t *parents, size_t parents_len, const uint8_t *prev, size_t prev_len,
                            uint8_t *out, size_t out_len) {
    if (replica_id == NULL || replica_len != 32 || layer < 1 || nodes < 2 || parents == NULL || out == NULL)
        return GRANARY_EINVAL;
    if (nodes > parents_len / SDR_PARENTS_BYTES || nodes > out_len / NODE_SIZE)
        return GRANARY_EINVAL;
    if (layer > 1 && (prev == NULL || nodes > prev_len / NODE_SIZE))
        return GRANARY_EINVAL;

    compress_fn compress = sha256_use_shani() ? sha256_compress_shani : sha256_compress_portable;
    _Alignas(64) uint8_t message[LABEL_BLOCKS * 64];
    memset(message, 0, sizeof message);
    memcpy(message, replica_id, 32);
    uint32_t layer_be = __builtin_bswap32(layer);
    memcpy(message + 32, &layer_be, 4);
    message[LABEL_MESSAGE] = 0x80;
    put_length_bits(message + sizeof message, (uint64_t)LABEL_MESSAGE * 8);

    _Alignas(64) uint8_t lone_pad[64] = {0x80};
    put_length_bits(lone_pad + 64, 64 * 8);

    size_t distinct = layer == 1 ? 6 : SDR_DEGREE;
    uint8_t *slots = message + 64;
    for (uint64_t node = 0; node < nodes; node++) {
        uint32_t state[8];
        memcpy(state, sha256_iv, sizeof state);
        set_node(message, node);
        if (node == 0) {
            compress(state, message, 1);
            compress(state, lone_pad, 1);
        } else {
            uint32_t p[SDR_DEGREE];
            memcpy(p, parents + node * SDR_PARENTS_BYTES, SDR_PARENTS_BYTES);
            for (size_t k = 0; k < distinct; k++) {
                int own_layer = k < 6;
                if (p[k] >= (own_layer ? node : nodes))
                    return GRANARY_EBADPARENT;
                const uint8_t *src = own_layer ? out : prev;
                memcpy(slots + k * NODE_SIZE, src + (uint64_t)p[k] * NODE_SIZE, NODE_SIZE);
            }
            repeat_labels(slots, distinct);
            compress(state, message, LABEL_BLOCKS);
        }
        store_digest(out + node * NODE_SIZE, state);
    }
    return GRANARY_OK;
}

/*
 * Fr32 padding: 127 raw bytes are read as a little-endian stream of 1016 bits and cut into four
 * 254-bit pieces; each piece becomes a 32-byte field element whose top two bits are zero. The
 * same layout as rust-fil-proofs' fr32 module and go-fil-commp-hashhash.
 */
#include <string.h>

#include "granary.h"

#define TOP_TWO_BITS_CLEAR 0x3fffffffffffffffULL

static uint64_t load64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static void store64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }

static uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Element c (1..3) starts at raw bit 254*c = byte 32*c - 1, bit 8 - 2*c. */
static void pad_quad(const uint8_t *raw, uint8_t *out) {
    memcpy(out, raw, 32);
    out[31] &= 0x3f;
    for (int c = 1; c < 4; c++) {
        const uint8_t *src = raw + 32 * c - 1;
        const int shift = 8 - 2 * c;
        for (int k = 0; k < 4; k++) {
            /* The byte after the last one of the quad does not exist; its bits would be masked. */
            uint64_t next = (c == 3 && k == 3) ? 0 : src[8 * k + 8];
            uint64_t word = load64(src + 8 * k) >> shift | next << (64 - shift);
            if (k == 3)
                word &= TOP_TWO_BITS_CLEAR;
            store64(out + 32 * c + 8 * k, word);
        }
    }
}

/* Gathers the low 254 bits of each element back into a continuous bit stream. */
static void unpad_quad(const uint8_t *padded, uint8_t *raw) {
    uint64_t acc = 0;
    int have = 0;
    size_t o = 0;
    for (int c = 0; c < 4; c++) {
        for (int k = 0; k < 8; k++) {
            uint32_t word = load32(padded + 32 * c + 4 * k);
            int bits = 32;
            if (k == 7) {
                word &= 0x3fffffffu;
                bits = 30;
            }
            acc |= (uint64_t)word << have;
            have += bits;
            for (; have >= 8; have -= 8, acc >>= 8)
                raw[o++] = (uint8_t)acc;
        }
    }
}

void granary_fr32_pad(const uint8_t *raw, uint8_t *padded, size_t quads) {
    for (size_t i = 0; i < quads; i++)
        pad_quad(raw + FR32_RAW * i, padded + FR32_PADDED * i);
}

void granary_fr32_unpad(const uint8_t *padded, uint8_t *raw, size_t quads) {
    for (size_t i = 0; i < quads; i++)
        unpad_quad(padded + FR32_PADDED * i, raw + FR32_RAW * i);
}

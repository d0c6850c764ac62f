/*
 * Addition and subtraction modulo the BLS12-381 scalar field order r with four 64-bit limbs. Both
 * operands are checked to be below r first: rust-fil-proofs converts every node with
 * Fr::from_repr, which refuses such values, so a non-canonical input is an error, not a wrap.
 */
#include <string.h>

#include "granary_fr.h"

static const uint64_t FR_R[4] = {0xffffffff00000001ULL, 0x53bda402fffe5bfeULL, 0x3339d80809a1d805ULL,
                                 0x73eda753299d7d48ULL};

static void load(const uint8_t *bytes, uint64_t limbs[4]) {
    memcpy(limbs, bytes, 32); /* little-endian machine: byte order is limb order */
}

static int below_r(const uint64_t a[4]) {
    for (int i = 3; i >= 0; i--) {
        if (a[i] != FR_R[i])
            return a[i] < FR_R[i];
    }
    return 0;
}

/* a = a - b, returns the borrow out. */
static uint64_t sub_limbs(uint64_t a[4], const uint64_t b[4]) {
    unsigned __int128 borrow = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 d = (unsigned __int128)a[i] - b[i] - borrow;
        a[i] = (uint64_t)d;
        borrow = (d >> 64) & 1;
    }
    return (uint64_t)borrow;
}

/* a = a + b, returns the carry out. */
static uint64_t add_limbs(uint64_t a[4], const uint64_t b[4]) {
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 s = (unsigned __int128)a[i] + b[i] + carry;
        a[i] = (uint64_t)s;
        carry = s >> 64;
    }
    return (uint64_t)carry;
}

typedef void (*fr_op)(uint64_t a[4], const uint64_t b[4]);

static void fr_add(uint64_t a[4], const uint64_t b[4]) {
    add_limbs(a, b); /* a, b < r < 2^255: the sum fits 256 bits */
    if (!below_r(a))
        sub_limbs(a, FR_R);
}

static void fr_sub(uint64_t a[4], const uint64_t b[4]) {
    if (sub_limbs(a, b))
        add_limbs(a, FR_R);
}

static int apply(const uint8_t *x, const uint8_t *key, uint8_t *out, size_t len, uint64_t *bad_index, fr_op op) {
    if (x == NULL || key == NULL || out == NULL || len % NODE_SIZE != 0)
        return GRANARY_EINVAL;
    size_t count = len / NODE_SIZE;
    for (size_t i = 0; i < count; i++) {
        uint64_t a[4], b[4];
        load(x + i * NODE_SIZE, a);
        load(key + i * NODE_SIZE, b);
        if (!below_r(a) || !below_r(b)) {
            if (bad_index != NULL)
                *bad_index = i;
            return GRANARY_ENOTFIELD;
        }
        op(a, b);
        memcpy(out + i * NODE_SIZE, a, NODE_SIZE);
    }
    return GRANARY_OK;
}

int granary_fr_encode(const uint8_t *data, const uint8_t *key, uint8_t *out, size_t len, uint64_t *bad_index) {
    return apply(data, key, out, len, bad_index, fr_add);
}

int granary_fr_decode(const uint8_t *replica, const uint8_t *key, uint8_t *out, size_t len, uint64_t *bad_index) {
    return apply(replica, key, out, len, bad_index, fr_sub);
}

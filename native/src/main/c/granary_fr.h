/*
 * BLS12-381 scalar field kernels: the replica encoding of stacked-DRG sealing. Elements are 32-byte
 * little-endian integers below r; the functions work on whole buffers of consecutive elements.
 * Kept apart from granary.h so the field code can grow without touching the shared header.
 */
#ifndef GRANARY_FR_H
#define GRANARY_FR_H

#include "granary.h"

#ifndef GRANARY_OK
#define GRANARY_OK 0
#define GRANARY_EINVAL (-1)
#endif
/* An input element is not below r; *bad_index (if given) names the first such element. */
#define GRANARY_ENOTFIELD (-3)

/* out[i] = data[i] + key[i] mod r over len bytes (a multiple of 32); out may equal data or key. */
GRANARY_EXPORT int granary_fr_encode(const uint8_t *data, const uint8_t *key, uint8_t *out, size_t len,
                                     uint64_t *bad_index);
/* out[i] = replica[i] - key[i] mod r; the inverse of granary_fr_encode. */
GRANARY_EXPORT int granary_fr_decode(const uint8_t *replica, const uint8_t *key, uint8_t *out, size_t len,
                                     uint64_t *bad_index);

#endif

/*
 * SHA-256 with the x86 SHA extensions. The state lives in two registers in the order the
 * instructions want: "abef" = {F, E, B, A} and "cdgh" = {H, G, D, C} (lane 0 first).
 *
 * sha256rnds2 has a long latency and a shorter issue interval, so one message stream leaves the
 * unit idle most of the time. Node hashes of one tree level are independent, so nodes_shani runs
 * several of them interleaved; all of them are exactly 64 bytes, so the second block is the
 * constant padding block whose W+K values are precomputed.
 */
#include <immintrin.h>

#include "granary.h"

#define SHANI __attribute__((target("sha,sse4.1,ssse3")))
#define INLINE static inline __attribute__((always_inline))

/* Byte swap of each 32-bit word: message words are big-endian. */
#define BSWAP32_MASK _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL)
/* Byte reversal of each 64-bit half: turns {B, A, D, C} into the big-endian bytes of A B C D. */
#define BSWAP64_MASK _mm_set_epi64x(0x08090a0b0c0d0e0fLL, 0x0001020304050607LL)

INLINE SHANI __m128i k4(int group) {
    return _mm_loadu_si128((const __m128i *)&sha256_k[4 * group]);
}

/* W[4g..4g+3] from the previous sixteen words held in m[(g-4)&3] .. m[(g-1)&3]. */
INLINE SHANI __m128i schedule(__m128i w16, __m128i w12, __m128i w8, __m128i w4) {
    __m128i x = _mm_sha256msg1_epu32(w16, w12);
    x = _mm_add_epi32(x, _mm_alignr_epi8(w4, w8, 4));
    return _mm_sha256msg2_epu32(x, w4);
}

INLINE SHANI void two_rounds_x2(__m128i *abef, __m128i *cdgh, __m128i wk) {
    *cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, wk);
    *abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(wk, 0x0e));
}

SHANI void sha256_compress_shani(uint32_t state[8], const uint8_t *blocks, size_t nblocks) {
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xb1);
    __m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1b);
    __m128i abef = _mm_alignr_epi8(t, cdgh, 8);
    cdgh = _mm_blend_epi16(cdgh, t, 0xf0);

    for (; nblocks > 0; nblocks--, blocks += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh, m[4];
#pragma GCC unroll 16
        for (int g = 0; g < 16; g++) {
            if (g < 4)
                m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * g)), BSWAP32_MASK);
            else
                m[g & 3] = schedule(m[g & 3], m[(g + 1) & 3], m[(g + 2) & 3], m[(g + 3) & 3]);
            two_rounds_x2(&abef, &cdgh, _mm_add_epi32(m[g & 3], k4(g)));
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }

    t = _mm_shuffle_epi32(abef, 0x1b);
    cdgh = _mm_shuffle_epi32(cdgh, 0xb1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(t, cdgh, 0xf0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(cdgh, t, 8));
}

/*
 * N node hashes at once (N = 1, 2 or 4, a compile-time constant after inlining). Stream s reads
 * children + 64*s and writes parents + 32*s; all loads of a call happen before its stores, which
 * is what makes in-place operation safe.
 */
INLINE SHANI void nodes_xn(const uint8_t *children, uint8_t *parents, const int n) {
    const __m128i iv_abef = _mm_set_epi32((int)sha256_iv[0], (int)sha256_iv[1], (int)sha256_iv[4], (int)sha256_iv[5]);
    const __m128i iv_cdgh = _mm_set_epi32((int)sha256_iv[2], (int)sha256_iv[3], (int)sha256_iv[6], (int)sha256_iv[7]);
    __m128i abef[4], cdgh[4], m[4][4];

    for (int s = 0; s < n; s++) {
        abef[s] = iv_abef;
        cdgh[s] = iv_cdgh;
    }
#pragma GCC unroll 16
    for (int g = 0; g < 16; g++) {
        __m128i wk[4];
        for (int s = 0; s < n; s++) {
            if (g < 4)
                m[s][g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(children + 64 * s + 16 * g)), BSWAP32_MASK);
            else
                m[s][g & 3] = schedule(m[s][g & 3], m[s][(g + 1) & 3], m[s][(g + 2) & 3], m[s][(g + 3) & 3]);
            wk[s] = _mm_add_epi32(m[s][g & 3], k4(g));
        }
        for (int s = 0; s < n; s++)
            cdgh[s] = _mm_sha256rnds2_epu32(cdgh[s], abef[s], wk[s]);
        for (int s = 0; s < n; s++)
            abef[s] = _mm_sha256rnds2_epu32(abef[s], cdgh[s], _mm_shuffle_epi32(wk[s], 0x0e));
    }

    __m128i mid_abef[4], mid_cdgh[4];
    for (int s = 0; s < n; s++) {
        abef[s] = mid_abef[s] = _mm_add_epi32(abef[s], iv_abef);
        cdgh[s] = mid_cdgh[s] = _mm_add_epi32(cdgh[s], iv_cdgh);
    }
#pragma GCC unroll 16
    for (int g = 0; g < 16; g++) {
        __m128i wk = _mm_loadu_si128((const __m128i *)&sha256_pad_block_wk[4 * g]);
        __m128i wk_hi = _mm_shuffle_epi32(wk, 0x0e);
        for (int s = 0; s < n; s++)
            cdgh[s] = _mm_sha256rnds2_epu32(cdgh[s], abef[s], wk);
        for (int s = 0; s < n; s++)
            abef[s] = _mm_sha256rnds2_epu32(abef[s], cdgh[s], wk_hi);
    }

    /* Digest bytes A..H big-endian, then the top two bits of the last byte cleared (trunc254). */
    const __m128i trunc = _mm_set_epi32(0x3fffffff, -1, -1, -1);
    for (int s = 0; s < n; s++) {
        __m128i a = _mm_add_epi32(abef[s], mid_abef[s]);
        __m128i c = _mm_add_epi32(cdgh[s], mid_cdgh[s]);
        __m128i abcd = _mm_shuffle_epi8(_mm_unpackhi_epi64(a, c), BSWAP64_MASK);
        __m128i efgh = _mm_shuffle_epi8(_mm_unpacklo_epi64(a, c), BSWAP64_MASK);
        _mm_storeu_si128((__m128i *)(parents + 32 * s), abcd);
        _mm_storeu_si128((__m128i *)(parents + 32 * s + 16), _mm_and_si128(efgh, trunc));
    }
}

SHANI void nodes_shani(const uint8_t *children, uint8_t *parents, size_t count) {
    size_t i = 0;
    for (; i + 4 <= count; i += 4)
        nodes_xn(children + 64 * i, parents + 32 * i, 4);
    for (; i + 2 <= count; i += 2)
        nodes_xn(children + 64 * i, parents + 32 * i, 2);
    for (; i < count; i++)
        nodes_xn(children + 64 * i, parents + 32 * i, 1);
}

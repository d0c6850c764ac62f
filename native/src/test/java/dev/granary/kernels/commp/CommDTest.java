package dev.granary.kernels.commp;

import static dev.granary.kernels.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.Vectors;

class CommDTest {

    private static final Kernels K = Kernels.nativeKernels();

    @Test
    void emptySectorIsTheZeroCommitment() {
        assertEquals(hex(ZeroComm.ofPaddedSize(2048)), hex(CommD.compute(K, 2048, List.of())));
    }

    @Test
    void aPieceFillingTheSectorIsItsOwnCommD() {
        byte[] commP = Vectors.randomBytes(1, 32);
        commP[31] &= 0x3f;
        assertEquals(hex(commP), hex(CommD.compute(K, 1024, List.of(new CommD.Piece(1024, commP)))));
    }

    @Test
    void smallPieceBeforeALargeOneIsAlignedWithZeros() {
        byte[] a = Vectors.randomBytes(2, 32);
        byte[] b = Vectors.randomBytes(3, 32);
        // 128-byte piece at 0, zeros up to 512, 512-byte piece at 512, zeros to 2048.
        byte[] left = K.hashPair(K.hashPair(K.hashPair(a, ZeroComm.ofHeight(2)), ZeroComm.ofHeight(3)), b);
        byte[] expected = K.hashPair(left, ZeroComm.ofHeight(5));
        assertEquals(hex(expected), hex(CommD.compute(K, 2048, List.of(new CommD.Piece(128, a), new CommD.Piece(512, b)))));
    }

    @Test
    void rejectsBadSizes() {
        byte[] c = new byte[32];
        assertEquals("sector: padded size 3000 is not a power of two of at least 128 bytes",
                assertThrows(IllegalArgumentException.class, () -> CommD.compute(K, 3000, List.of())).getMessage());
        assertEquals("piece 2 of 2: padded size 64 is not a power of two of at least 128 bytes",
                assertThrows(IllegalArgumentException.class,
                        () -> CommD.compute(K, 2048, List.of(new CommD.Piece(128, c), new CommD.Piece(64, c)))).getMessage());
        assertEquals("pieces 1..2 take 3072 bytes, more than the 2048-byte sector",
                assertThrows(IllegalArgumentException.class,
                        () -> CommD.compute(K, 2048, List.of(new CommD.Piece(1024, c), new CommD.Piece(2048, c)))).getMessage());
    }

    @Test
    void rejectsPiecesThatOnlyOverflowOnceAligned() {
        byte[] c = new byte[32];
        // 128 + 1024 + 512 = 1664 bytes, but aligning the 1024-byte piece pushes the 512-byte one past 2048.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommD.compute(K, 2048,
                List.of(new CommD.Piece(128, c), new CommD.Piece(1024, c), new CommD.Piece(512, c))));
        assertEquals("the pieces with the zero padding that aligns each to its size do not fit the 2048-byte sector",
                e.getMessage());
    }

    @Test
    void rejectsCommitmentsOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new CommD.Piece(128, new byte[31]));
    }
}

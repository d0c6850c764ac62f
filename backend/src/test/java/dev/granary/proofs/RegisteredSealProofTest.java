package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import dev.granary.kernels.sdr.GraphVersion;
import org.junit.jupiter.api.Test;

class RegisteredSealProofTest {

    @Test
    void idsFollowRustFilProofsNumbering() {
        assertEquals(0, RegisteredSealProof.of("2KiB", ApiVersion.V1).id());
        assertEquals(4, RegisteredSealProof.of("64GiB", ApiVersion.V1).id());
        assertEquals(6, RegisteredSealProof.of("8MiB", ApiVersion.V1_1).id());
        assertEquals(7, RegisteredSealProof.of(512L << 20, ApiVersion.V1_1).id());
        assertEquals(RegisteredSealProof.STACKED_DRG_32GIB_V1_1, RegisteredSealProof.byId(8));
    }

    @Test
    void porepIdIsTheIdLittleEndianThenZeros() {
        assertArrayEquals(HexFormat.of().parseHex("0900000000000000" + "0".repeat(48)),
                RegisteredSealProof.STACKED_DRG_64GIB_V1_1.porepId());
        assertArrayEquals(new byte[32], RegisteredSealProof.STACKED_DRG_2KIB_V1.porepId());
    }

    @Test
    void layersAndGraphVersions() {
        assertEquals(2, RegisteredSealProof.STACKED_DRG_512MIB_V1_1.layers());
        assertEquals(2, RegisteredSealProof.STACKED_DRG_2KIB_V1.layers());
        assertEquals(11, RegisteredSealProof.STACKED_DRG_32GIB_V1.layers());
        assertEquals(11, RegisteredSealProof.STACKED_DRG_64GIB_V1_1.layers());
        assertEquals(GraphVersion.V1_0, RegisteredSealProof.STACKED_DRG_8MIB_V1.graph().version());
        assertEquals(GraphVersion.V1_1, RegisteredSealProof.STACKED_DRG_8MIB_V1_1.graph().version());
        assertEquals(262144, RegisteredSealProof.STACKED_DRG_8MIB_V1_1.graph().nodes());
    }

    @Test
    void badSizesAreTypedWithTheSupportedOnes() {
        UnsupportedSectorSizeException e = assertThrows(UnsupportedSectorSizeException.class,
                () -> RegisteredSealProof.of("4KiB", ApiVersion.V1_1));
        assertEquals(4096, e.sectorSize());
        assertEquals("unsupported sector size 4096 bytes; use one of 2KiB, 8MiB, 512MiB, 32GiB, 64GiB", e.getMessage());
        UnsupportedSectorSizeException notASize = assertThrows(UnsupportedSectorSizeException.class,
                () -> RegisteredSealProof.of("eight", ApiVersion.V1));
        assertEquals(-1, notASize.sectorSize());
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("V2"));
        assertEquals(ApiVersion.V1_1, ApiVersion.parse("v1.1"));
    }

    @Test
    void parentCacheIdsAreRustFilProofsNames() {
        assertEquals("v28-sdr-parent-3f0eef38bb48af1f48ad65e14eb85b4ebfc167cec18cd81764f6d998836c9899",
                ParentCacheId.of(RegisteredSealProof.STACKED_DRG_2KIB_V1.graph()));
        assertEquals("v28-sdr-parent-4905486b7af19558ac3649bc6261411858b6add534438878c4ee3b29d8b9de0b",
                ParentCacheId.of(RegisteredSealProof.STACKED_DRG_64GIB_V1_1.graph()));
    }

    @Test
    void replicaIdIsShaOfItsInputsWithTheTopBitsCleared() throws Exception {
        byte[] prover = ReplicaId.proverId(1000);
        assertEquals("e807", HexFormat.of().formatHex(prover, 0, 2));
        byte[] ticket = new byte[32];
        ticket[0] = 7;
        byte[] commD = new byte[32];
        commD[31] = 9;
        byte[] porepId = RegisteredSealProof.STACKED_DRG_2KIB_V1_1.porepId();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(prover);
        sha.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 42});
        sha.update(ticket);
        sha.update(commD);
        byte[] expected = sha.digest(porepId);
        expected[31] &= 0x3f;
        assertArrayEquals(expected, ReplicaId.of(prover, 42, ticket, commD, porepId));
        assertThrows(IllegalArgumentException.class, () -> ReplicaId.of(prover, 42, new byte[31], commD, porepId));
    }
}

package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.granary.kernels.sdr.SdrKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

    @TempDir
    Path dir;

    private static final byte[] REPLICA_ID = ReplicaId.of(ReplicaId.proverId(1000), 1, new byte[32], new byte[32],
            RegisteredSealProof.STACKED_DRG_2KIB_V1_1.porepId());

    @Test
    void layersStreamToFilesAndBothKernelsWriteTheSameBytes() throws IOException {
        ParentCache cache = new ParentCacheStore(dir.resolve("parents"), SdrKernels.java())
                .open(RegisteredSealProof.STACKED_DRG_2KIB_V1_1);
        int layers = RegisteredSealProof.STACKED_DRG_2KIB_V1_1.layers();
        Labels.Result java = Labels.generate(SdrKernels.java(), cache, REPLICA_ID, layers, dir.resolve("java"));
        Labels.Result nat = Labels.generate(SdrKernels.nativeKernels(), cache, REPLICA_ID, layers, dir.resolve("native"));

        assertEquals(2, java.layerFiles().size());
        assertEquals("sc-02-data-layer-2.dat", java.keyLayer().getFileName().toString());
        for (int i = 0; i < layers; i++) {
            byte[] j = Files.readAllBytes(java.layerFiles().get(i));
            assertEquals(2048, j.length);
            assertArrayEquals(j, Files.readAllBytes(nat.layerFiles().get(i)), "layer " + (i + 1));
        }
        assertNotEquals(ByteBuffer.wrap(Files.readAllBytes(java.layerFiles().get(0))),
                ByteBuffer.wrap(Files.readAllBytes(java.keyLayer())));
        for (int node = 0; node < 64; node++) {
            assertEquals(0, Files.readAllBytes(java.keyLayer())[32 * node + 31] & 0xc0, "labels are field elements");
        }
    }

    @Test
    void aReplicaIdOfTheWrongLengthIsRefused() {
        ParentCache cache = new ParentCacheStore(dir, SdrKernels.java()).open(RegisteredSealProof.STACKED_DRG_2KIB_V1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.generate(SdrKernels.java(), cache, new byte[16], 2, dir.resolve("out")));
        assertEquals("a replica_id is 32 bytes", e.getMessage());
    }
}

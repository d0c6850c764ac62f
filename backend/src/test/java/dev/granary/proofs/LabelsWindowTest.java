package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.granary.kernels.sdr.SdrKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PreCommit1's labeling through small forced windows gives the layer files of the default window,
 * so the windowed addressing that 32 and 64 GiB sectors rely on is exercised at 2 KiB and 8 MiB.
 */
class LabelsWindowTest {

    @TempDir
    Path dir;

    static Stream<SdrKernels> kernels() {
        return Stream.of(SdrKernels.nativeKernels(), SdrKernels.java());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void twoKibLayersAreTheSameThroughWindowsOfFiveNodes(SdrKernels k) throws IOException {
        assertSameLayers(k, RegisteredSealProof.STACKED_DRG_2KIB_V1_1, 5);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void eightMibLayersAreTheSameThroughSixtyFourWindows(SdrKernels k) throws IOException {
        assertSameLayers(k, RegisteredSealProof.STACKED_DRG_8MIB_V1_1, 4099);
    }

    @Test
    void aLayerFileThatCannotBeCreatedNamesIt() throws IOException {
        RegisteredSealProof proof = RegisteredSealProof.STACKED_DRG_2KIB_V1_1;
        ParentCache cache = new ParentCacheStore(dir.resolve("parents"), SdrKernels.java()).open(proof);
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        Path blocked = Files.createDirectories(cacheDir.resolve(Labels.layerFileName(1)));
        Labels.LayerWriteException e = assertThrows(Labels.LayerWriteException.class,
                () -> Labels.generate(SdrKernels.nativeKernels(), cache, replicaId(proof), 2, cacheDir));
        assertTrue(e.getMessage().contains(blocked.toString()), e.getMessage());
    }

    private void assertSameLayers(SdrKernels k, RegisteredSealProof proof, long windowNodes) throws IOException {
        ParentCache cache = new ParentCacheStore(dir.resolve("parents"), SdrKernels.nativeKernels()).open(proof);
        byte[] replicaId = replicaId(proof);
        Labels.Result whole = Labels.generate(SdrKernels.nativeKernels(), cache, replicaId, proof.layers(),
                dir.resolve("whole"));
        Labels.Result windowed = Labels.generate(k, cache, replicaId, proof.layers(), dir.resolve("windowed"),
                windowNodes);
        for (int i = 0; i < proof.layers(); i++) {
            assertArrayEquals(Files.readAllBytes(whole.layerFiles().get(i)),
                    Files.readAllBytes(windowed.layerFiles().get(i)), "layer " + (i + 1));
        }
    }

    private static byte[] replicaId(RegisteredSealProof proof) {
        return ReplicaId.of(ReplicaId.proverId(1000), 7, new byte[32], new byte[32], proof.porepId());
    }
}

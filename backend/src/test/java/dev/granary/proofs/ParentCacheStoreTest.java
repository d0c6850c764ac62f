package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.granary.kernels.sdr.GraphVersion;
import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.kernels.sdr.SdrKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentCacheStoreTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceNamedLikeRustFilProofsWithItsDigestBeside() throws IOException {
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.java());
        ParentCache cache = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1);
        assertEquals("3da49221e2ed55371b86d0bf3d6526fcf128af61bed904f966428db1b531750d", cache.sha256Hex());
        assertEquals(dir.resolve("v28-sdr-parent-3f0eef38bb48af1f48ad65e14eb85b4ebfc167cec18cd81764f6d998836c9899.cache"),
                cache.file());
        assertEquals(cache.sha256Hex() + "\n", Files.readString(store.digestFileOf(cache.graph())));
        assertArrayEquals(new int[] {62, 61, 56, 62, 37, 62, 49, 37, 35, 41, 52, 50, 54, 5}, cache.parentsOf(63));
        long written = Files.getLastModifiedTime(cache.file()).toMillis();
        assertEquals(cache, store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1));
        assertEquals(written, Files.getLastModifiedTime(cache.file()).toMillis());
    }

    @Test
    void aCorruptCacheIsRebuiltNotUsed() throws IOException {
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.nativeKernels());
        ParentCache cache = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1_1);
        byte[] good = Files.readAllBytes(cache.file());
        byte[] bad = good.clone();
        bad[1000] ^= 1;
        Files.write(cache.file(), bad);
        // Rewriting the side-car to match does not help: known graphs check the published digest.
        Files.writeString(store.digestFileOf(cache.graph()), sha256Hex(bad));

        ParentCache reopened = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1_1);
        assertEquals("840057702eea7652cf97e04306c30fe57174714d90de156a25eddd6075c25b97", reopened.sha256Hex());
        assertArrayEquals(good, Files.readAllBytes(reopened.file()));
    }

    @Test
    void aVerifiedCacheIsHashedOncePerProcessButAChangedOneAgain() throws IOException {
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.java());
        ParentCache cache = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1);
        // Age the file so the store may remember it, as it would a cache generated on an earlier day.
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(cache.file(), old);
        assertEquals(cache.sha256Hex(), store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1).sha256Hex());

        byte[] bad = Files.readAllBytes(cache.file());
        bad[200] ^= 1;
        Files.write(cache.file(), bad);
        ParentCache reopened = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1);
        assertEquals("3da49221e2ed55371b86d0bf3d6526fcf128af61bed904f966428db1b531750d", reopened.sha256Hex());
        assertEquals("3da49221e2ed55371b86d0bf3d6526fcf128af61bed904f966428db1b531750d",
            sha256Hex(Files.readAllBytes(reopened.file())), "the changed file was hashed again and rebuilt");
    }

    @Test
    void aTruncatedCacheIsRebuilt() throws IOException {
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.java());
        ParentCache cache = store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1);
        Files.write(cache.file(), new byte[100]);
        assertEquals(cache.sha256Hex(), store.open(RegisteredSealProof.STACKED_DRG_2KIB_V1).sha256Hex());
        assertEquals(64 * 56, Files.size(cache.file()));
    }

    @Test
    void anUnpublishedGraphIsVerifiedByItsSidecar() throws IOException {
        SdrGraph graph = SdrGraph.of(4096, RegisteredSealProof.STACKED_DRG_2KIB_V1_1.porepId(), GraphVersion.V1_1);
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.java());
        ParentCache cache = store.open(graph);
        byte[] good = Files.readAllBytes(cache.file());
        byte[] bad = good.clone();
        bad[7] ^= 0x40;
        Files.write(cache.file(), bad);
        assertEquals(cache.sha256Hex(), store.open(graph).sha256Hex());
        assertArrayEquals(good, Files.readAllBytes(cache.file()));

        Files.delete(store.digestFileOf(graph));
        assertEquals(cache.sha256Hex(), store.open(graph).sha256Hex());
        assertTrue(Files.exists(store.digestFileOf(graph)));
    }

    @Test
    void eightMibIsWrittenInChunksOnTwoThreadsAndMatchesRustFilProofs() {
        ParentCacheStore store = new ParentCacheStore(dir, SdrKernels.nativeKernels(), 2);
        ParentCache cache = store.open(RegisteredSealProof.STACKED_DRG_8MIB_V1);
        assertEquals("a76604f2f59f2744c7151653bbb1d8596b6b57d295e6fa6c1f0c41d725b502ce", cache.sha256Hex());
        assertNotEquals(0, cache.map().getInt(56 * 1000));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

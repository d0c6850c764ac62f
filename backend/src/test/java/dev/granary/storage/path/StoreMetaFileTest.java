package dev.granary.storage.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.storage.StorageInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sectorstore.json as Lotus writes and reads it (fixtures written by lotus-miner storage attach --init). */
class StoreMetaFileTest {

    @TempDir
    Path dir;

    private static String fixture(String name) throws IOException {
        try (InputStream in = StoreMetaFileTest.class.getResourceAsStream("/dev/granary/storage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLotusWrittenFileReadsAndIsWrittenBackByteForByte() throws IOException {
        for (String name : List.of("lotus-sectorstore.json", "lotus-sectorstore-full.json")) {
            String lotus = fixture(name);
            Files.writeString(dir.resolve(StoreMetaFile.NAME), lotus);
            StoreMetaFile.Read read = StoreMetaFile.read(dir);
            assertEquals(lotus.strip(), StoreMetaFile.render(read.meta(), read.unknown()), name);
        }
        StoreMeta full = StoreMetaFile.read(dir).meta();
        assertEquals("0b0c3d1e-2a9f-4e57-8d3c-91f1c7c2b6aa", full.id());
        assertEquals(2199023255552L, full.maxStorage());
        assertEquals(List.of("store-a", "store-b"), full.allowTo());
        assertEquals(List.of("unsealed"), full.denyTypes());
        assertTrue(full.canStore());
        assertFalse(full.canSeal());
    }

    @Test
    void anOlderFileWithFewFieldsAndOtherCaseReadsAsGoDoesAndKeepsUnknownKeys() throws IOException {
        Files.writeString(dir.resolve(StoreMetaFile.NAME), fixture("lotus-sectorstore-old.json"));
        StoreMetaFile.Read read = StoreMetaFile.read(dir);
        assertEquals("1c8a0f42-77d1-4f0e-b0a6-3f2e5b9d8c10", read.meta().id());
        assertEquals(5, read.meta().weight());
        assertTrue(read.meta().canStore());
        assertFalse(read.meta().canSeal());
        assertEquals(0, read.meta().maxStorage());
        assertTrue(read.unknown().containsKey("SomethingNewer"));
        String rewritten = StoreMetaFile.render(read.meta(), read.unknown());
        assertTrue(rewritten.contains("\"SomethingNewer\": {\"x\":[1,2]}"), rewritten);
        assertTrue(rewritten.startsWith("{\n  \"ID\": \"1c8a0f42"), rewritten);
    }

    @Test
    void aMalformedFileNamesTheFieldAndThePath() throws IOException {
        Files.writeString(dir.resolve(StoreMetaFile.NAME), "{\"ID\": \"x\", \"Weight\": \"heavy\"}");
        StorageInputException e = assertThrows(StorageInputException.class, () -> StoreMetaFile.read(dir));
        assertEquals("Weight", e.field());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("uint64"), e.getMessage());

        Files.writeString(dir.resolve(StoreMetaFile.NAME), "{\"ID\": \"x\", \"MaxStorage\": -1}");
        assertEquals("MaxStorage", assertThrows(StorageInputException.class, () -> StoreMetaFile.read(dir)).field());
        Files.writeString(dir.resolve(StoreMetaFile.NAME), "{\"ID\": \"x\", \"DenyTypes\": [\"sealed\", \"bogus\"]}");
        assertEquals("DenyTypes", assertThrows(StorageInputException.class, () -> StoreMetaFile.read(dir)).field());
        Files.writeString(dir.resolve(StoreMetaFile.NAME), "{\"Weight\": 1}");
        assertEquals("ID", assertThrows(StorageInputException.class, () -> StoreMetaFile.read(dir)).field());
        Files.writeString(dir.resolve(StoreMetaFile.NAME), "{\"ID\": \"x\",");
        assertEquals(StoreMetaFile.NAME, assertThrows(StorageInputException.class, () -> StoreMetaFile.read(dir)).field());
    }
}

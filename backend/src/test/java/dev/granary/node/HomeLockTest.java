package dev.granary.node;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

    @Test
    void aSecondLockOnTheSameHomeFailsNamingTheHolder(@TempDir Path home) {
        try (HomeLock first = HomeLock.acquire(home.resolve("granary.lock"))) {
            var e = assertThrows(HomeLock.HomeLockedException.class, () -> HomeLock.acquire(home.resolve("granary.lock")));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains(home.toString()), e.getMessage());
        }
        assertDoesNotThrow(() -> HomeLock.acquire(home.resolve("granary.lock")).close());
    }
}

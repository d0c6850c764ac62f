package dev.granary.crypto;

import java.security.SecureRandom;
import java.util.Random;

/** A SecureRandom whose bytes come from a seeded Random, so key-generation tests repeat exactly. */
final class SeededRandom extends SecureRandom {

    private final Random random;

    SeededRandom(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}

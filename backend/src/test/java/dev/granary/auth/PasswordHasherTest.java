package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String a = PasswordHasher.hash("correct horse battery".toCharArray());
        String b = PasswordHasher.hash("correct horse battery".toCharArray());
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt per hash");
        assertTrue(PasswordHasher.verify("correct horse battery".toCharArray(), a));
        assertTrue(PasswordHasher.verify("correct horse battery".toCharArray(), b));
        assertFalse(PasswordHasher.verify("correct horse battery!".toCharArray(), a));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "$bcrypt$not-ours"));
    }
}

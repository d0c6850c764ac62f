package dev.granary.chain.beacon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.granary.chain.beacon.BeaconVerificationException.Kind;
import dev.granary.chain.types.BeaconEntry;
import dev.granary.crypto.Bls;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevnetBeaconTest {

    private static final String NETWORK = "granary-devnet";

    private static PrivateKey key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = 0x01; // keeps the scalar below the group order
        return PrivateKey.of(KeyType.BLS, bytes);
    }

    private static List<BeaconEntry> rounds(DevnetBeacon beacon, int count) {
        List<BeaconEntry> entries = new ArrayList<>();
        BeaconEntry last = beacon.genesis();
        for (int i = 0; i < count; i++) {
            last = beacon.next(last);
            entries.add(last);
        }
        return entries;
    }

    private final DevnetBeacon beacon = new DevnetBeacon(key(7), NETWORK);
    private final BeaconVerifier verifier = new BeaconVerifier(beacon.publicKey(), NETWORK);

    @Test
    void fiftyRoundsVerifyFromThePublicKeyAlone() throws Exception {
        List<BeaconEntry> entries = rounds(beacon, 50);
        verifier.verifyGenesis(beacon.genesis());
        verifier.verifyChain(beacon.genesis(), entries);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).round());
            assertEquals(Bls.SIGNATURE_LENGTH, entries.get(i).data().length);
        }
    }

    @Test
    void eachRoundSignsTheHashOfThePreviousSignatureAndItsRoundNumber() throws Exception {
        List<BeaconEntry> entries = rounds(beacon, 2);
        // sha256(previous signature || 00 00 00 00 00 00 00 02), built here independently
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(entries.get(0).data());
        sha.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        byte[] message = sha.digest();
        assertArrayEquals(Bls.sign(key(7).bytes(), message), entries.get(1).data());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(
                ("granary devnet beacon/" + NETWORK).getBytes(StandardCharsets.UTF_8)), beacon.genesis().data());
    }

    @Test
    void aFlippedBitFailsAtThatRound() {
        List<BeaconEntry> entries = new ArrayList<>(rounds(beacon, 50));
        byte[] data = entries.get(29).data();
        data[40] ^= 0x01;
        entries.set(29, new BeaconEntry(30, data));
        BeaconVerificationException e = assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyChain(beacon.genesis(), entries));
        assertEquals(30, e.round());
        assertEquals(Kind.BAD_SIGNATURE, e.kind());
    }

    @Test
    void anotherKeysEntryFails() {
        DevnetBeacon other = new DevnetBeacon(key(9), NETWORK);
        List<BeaconEntry> entries = new ArrayList<>(rounds(beacon, 10));
        entries.set(4, other.next(entries.get(3)));
        BeaconVerificationException e = assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyChain(beacon.genesis(), entries));
        assertEquals(5, e.round());
        assertEquals(Kind.BAD_SIGNATURE, e.kind());
    }

    @Test
    void outOfOrderRoundsAreRejectedNamingTheRound() {
        List<BeaconEntry> entries = new ArrayList<>(rounds(beacon, 10));
        BeaconEntry fifth = entries.get(4);
        entries.set(4, entries.get(5));
        entries.set(5, fifth);
        BeaconVerificationException e = assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyChain(beacon.genesis(), entries));
        assertEquals(6, e.round());
        assertEquals(Kind.OUT_OF_ORDER, e.kind());
    }

    @Test
    void aValidSignatureReplayedUnderAnotherRoundNumberFails() {
        List<BeaconEntry> entries = rounds(beacon, 3);
        // the data of round 2, relabelled as if it followed round 2: the round number is signed
        BeaconVerificationException e = assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyNext(entries.get(1), new BeaconEntry(3, entries.get(1).data())));
        assertEquals(3, e.round());
        assertEquals(Kind.BAD_SIGNATURE, e.kind());
    }

    @Test
    void theGenesisSeedDependsOnTheNetworkName() {
        DevnetBeacon elsewhere = new DevnetBeacon(key(7), "another-net");
        assertFalse(Arrays.equals(beacon.genesis().data(), elsewhere.genesis().data()));
        BeaconVerificationException e = assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyGenesis(elsewhere.genesis()));
        assertEquals(Kind.BAD_GENESIS, e.kind());
        // and a chain grown from the other seed fails at its first round
        assertThrows(BeaconVerificationException.class,
                () -> verifier.verifyNext(beacon.genesis(), elsewhere.next(elsewhere.genesis())));
        assertDoesNotThrow(() -> verifier.verifyGenesis(beacon.genesis()));
    }

    @Test
    void refusesANonBlsKey() {
        PrivateKey secp = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> new DevnetBeacon(secp, NETWORK));
    }

    @Test
    void oneRoundPerEpoch() {
        assertEquals(0, BeaconSchedule.roundForEpoch(0));
        assertEquals(17, BeaconSchedule.roundForEpoch(17));
        // parent at 10, null rounds at 11 and 12, block at 13: rounds 11, 12, 13
        assertEquals(11, BeaconSchedule.firstRoundForBlock(10, 13));
        assertThrows(IllegalArgumentException.class, () -> BeaconSchedule.firstRoundForBlock(13, 13));
    }
}

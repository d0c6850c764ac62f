package dev.granary.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFormatTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SECP_KEY = "8VcW07ADswS4BV2cxi5rnIadVsyTDDhY1NfDH19T8Uo=";
    private static final String BLS_KEY = "pyBOAP9camcZANKedHE+oaqPgtsOd/qBvOAO1YfvLVY=";

    /** The vectors' lotus_export_format: hex of {"Type":...,"PrivateKey":...}, Type first, no spaces. */
    @Test
    void exportsTheVectorKeysInLotusFormat() {
        PrivateKey secp = PrivateKey.of(KeyType.SECP256K1, Vectors.base64(Vectors.ADDRESSES.get("secp256k1").get(0),
                "private_key_base64"));
        String json = "{\"Type\":\"secp256k1\",\"PrivateKey\":\"" + SECP_KEY + "\"}";
        assertEquals(json, KeyFormat.JSON_LOTUS.export(secp));
        assertEquals(HEX.formatHex(json.getBytes(StandardCharsets.UTF_8)), KeyFormat.HEX_LOTUS.export(secp));
        assertTrue(KeyFormat.HEX_LOTUS.export(secp).startsWith("7b2254797065223a22736563703235366b31222c"));

        PrivateKey bls = PrivateKey.of(KeyType.BLS, Vectors.base64(Vectors.ADDRESSES.get("bls").get(0),
                "private_key_base64_little_endian"));
        assertEquals("{\"Type\":\"bls\",\"PrivateKey\":\"" + BLS_KEY + "\"}", KeyFormat.JSON_LOTUS.export(bls));
        assertEquals(Vectors.ADDRESSES.get("bls").get(0).get("testnet_address").asString(),
                KeyFormat.HEX_LOTUS.importKey(KeyFormat.HEX_LOTUS.export(bls)).address().toString(
                        dev.granary.address.Network.TESTNET));
    }

    @Test
    void importsWhatLotusWrites() {
        String hex = HEX.formatHex(("{\"Type\":\"bls\",\"PrivateKey\":\"" + BLS_KEY + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        PrivateKey key = KeyFormat.HEX_LOTUS.importKey("  " + hex.toUpperCase() + "\n");
        assertEquals(KeyType.BLS, key.type());
        assertArrayEquals(Base64.getDecoder().decode(BLS_KEY), key.bytes());
        // Go's encoding/json matches field names in any case and allows white space.
        PrivateKey lowerCase = KeyFormat.JSON_LOTUS.importKey(
                "{ \"privatekey\": \"" + SECP_KEY + "\", \"type\": \"secp256k1\" }");
        assertEquals(KeyType.SECP256K1, lowerCase.type());
        assertEquals(KeyFormat.byName("hex-lotus"), KeyFormat.HEX_LOTUS);
        assertEquals(KeyFormat.byName("JSON-LOTUS"), KeyFormat.JSON_LOTUS);
        assertThrows(CryptoFormatException.class, () -> KeyFormat.byName("gfc-json"));
    }

    @Test
    void randomKeysRoundTripInBothFormats() {
        Random random = new Random(4_0501);
        for (int i = 0; i < 20; i++) {
            KeyType type = KeyType.values()[i % 2];
            PrivateKey key = PrivateKey.generate(type, new SeededRandom(random.nextLong()));
            for (KeyFormat format : KeyFormat.values()) {
                PrivateKey imported = format.importKey(format.export(key));
                assertEquals(key, imported);
                assertEquals(key.address(), imported.address());
                assertArrayEquals(key.bytes(), imported.bytes());
                byte[] message = {(byte) i};
                assertTrue(imported.sign(message).verify(key.address(), message));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "json-lotus | {\"Type\":\"secp256k1\"}                                   | needs both Type and PrivateKey",
        "json-lotus | {\"Type\":\"ed25519\",\"PrivateKey\":\"AAAA\"}                | Type 'ed25519'",
        "json-lotus | {\"Type\":\"delegated\",\"PrivateKey\":\"AAAA\"}              | delegated f4 keys are not supported",
        "json-lotus | {\"Type\":\"bls\",\"PrivateKey\":\"not base64!\"}             | not standard base64",
        "json-lotus | {\"Type\":\"bls\",\"PrivateKey\":\"AAAA\"}                     | expected 32 bytes",
        "json-lotus | {\"Type\":\"bls\",\"PrivateKey\":\"AAAA\",\"Extra\":1}         | unknown field 'Extra'",
        "json-lotus | {\"Type\":\"bls\",\"type\":\"bls\",\"PrivateKey\":\"AAAA\"}     | twice",
        "json-lotus | {\"Type\":2,\"PrivateKey\":\"AAAA\"}                         | must be a string",
        "json-lotus | [1,2]                                                      | must be a JSON object",
        "json-lotus | {\"Type\":\"bls\",                                           | not valid KeyInfo JSON at line 1",
        "json-lotus | {\"Type\":\"bls\",\"PrivateKey\":\"AAAA\"} {}                  | not valid KeyInfo JSON",
        "hex-lotus  | 7b2                                                        | odd number of hex digits",
        "hex-lotus  | 7g                                                         | non-hex character at position 2",
        "hex-lotus  | {\"Type\":\"bls\"}                                           | looks like json-lotus",
        "hex-lotus  | 7b7d                                                       | needs both Type and PrivateKey",
    })
    void rejectsBadExportsWithClearMessages(String format, String text, String messagePart) {
        CryptoFormatException e = assertThrows(CryptoFormatException.class, () -> KeyFormat.byName(format).importKey(text));
        assertTrue(e.getMessage().contains(messagePart), () -> "'" + e.getMessage() + "' lacks '" + messagePart + "'");
    }

    @Test
    void rejectsEmptyAndOversizedInput() {
        assertThrows(CryptoFormatException.class, () -> KeyFormat.JSON_LOTUS.importKey(" "));
        assertThrows(CryptoFormatException.class, () -> KeyFormat.HEX_LOTUS.importKey(null));
        assertThrows(CryptoFormatException.class, () -> KeyFormat.HEX_LOTUS.importKey("7b".repeat(5000)));
    }

    @Test
    void privateBytesNeverAppearInTextOrErrors() {
        PrivateKey key = PrivateKey.of(KeyType.SECP256K1, Base64.getDecoder().decode(SECP_KEY));
        String text = key.toString();
        assertTrue(text.contains("redacted"), text);
        assertFalse(text.contains(SECP_KEY));
        assertFalse(text.contains(HEX.formatHex(key.bytes())));
        assertFalse(text.contains(HEX.formatHex(key.bytes()).substring(0, 16)));

        // A bad key's material is not echoed back in the error.
        String truncated = SECP_KEY.substring(0, 40);
        CryptoFormatException e = assertThrows(CryptoFormatException.class, () -> KeyFormat.JSON_LOTUS.importKey(
                "{\"Type\":\"secp256k1\",\"PrivateKey\":\"" + truncated + "\"}"));
        assertFalse(e.getMessage().contains(truncated.substring(0, 12)), e.getMessage());
        CryptoFormatException syntax = assertThrows(CryptoFormatException.class, () -> KeyFormat.JSON_LOTUS.importKey(
                "{\"Type\":\"secp256k1\",\"PrivateKey\":" + SECP_KEY + "}"));
        assertFalse(syntax.getMessage().contains(SECP_KEY.substring(0, 12)), syntax.getMessage());
    }

    /** Type and PrivateKey swapped by hand: the Type then holds the key, and the error must not quote it. */
    @Test
    void aKeyPastedAsTheTypeIsNotQuotedInTheError() {
        CryptoFormatException e = assertThrows(CryptoFormatException.class, () -> KeyFormat.JSON_LOTUS.importKey(
                "{\"Type\":\"" + SECP_KEY + "\",\"PrivateKey\":\"secp256k1\"}"));
        assertFalse(e.getMessage().contains(SECP_KEY.substring(0, 8)), e.getMessage());
        assertTrue(e.getMessage().contains("not a key type"), e.getMessage());
        CryptoFormatException hex = assertThrows(CryptoFormatException.class, () -> KeyFormat.HEX_LOTUS.importKey(
                HEX.formatHex(("{\"Type\":\"" + SECP_KEY + "\",\"PrivateKey\":\"bls\"}").getBytes(StandardCharsets.UTF_8))));
        assertFalse(hex.getMessage().contains(SECP_KEY.substring(0, 8)), hex.getMessage());
    }

    @Test
    void equalityComparesKeysButHashesOnlyPublicData() {
        PrivateKey a = PrivateKey.of(KeyType.SECP256K1, Base64.getDecoder().decode(SECP_KEY));
        PrivateKey b = PrivateKey.of(KeyType.SECP256K1, Base64.getDecoder().decode(SECP_KEY));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, PrivateKey.generate(KeyType.SECP256K1, new SeededRandom(5)));
        byte[] copy = a.bytes();
        copy[0] ^= 1;
        assertEquals(b, a, "bytes() hands out a copy");
    }
}

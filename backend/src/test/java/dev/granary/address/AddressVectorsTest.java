package dev.granary.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code addresses} section of the public vectors, plus go-address's own published cases. */
class AddressVectorsTest {

    private static final JsonNode ADDRESSES = load().get("addresses");
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode load() {
        try (InputStream in = AddressVectorsTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void idVectors() {
        int checked = 0;
        for (JsonNode v : ADDRESSES.get("id")) {
            String text = v.get("string").asString();
            byte[] bytes = HEX.parseHex(v.get("bytes").asString());
            Address parsed = Address.parse(text);
            assertArrayEquals(bytes, parsed.bytes(), text);
            assertEquals(Protocol.ID, parsed.protocol());
            Address fromBytes = Address.fromBytes(bytes);
            assertEquals(parsed, fromBytes);
            assertEquals(text, fromBytes.toString(Network.of(text)));
            assertEquals(Long.parseLong(text.substring(2)), parsed.id());
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void secp256k1PublicKeyGivesTheVectorAddress() {
        for (JsonNode v : ADDRESSES.get("secp256k1")) {
            Address address = Address.secp256k1(HEX.parseHex(v.get("public_key_65").asString()));
            String expected = v.get("testnet_address").asString();
            assertEquals(expected, address.toString(Network.TESTNET));
            assertEquals("f" + expected.substring(1), address.toString());
            assertEquals(address, Address.parse(expected));
            assertEquals(Protocol.SECP256K1, address.protocol());
        }
    }

    @Test
    void blsPublicKeyIsTheVectorAddressPayload() {
        for (JsonNode v : ADDRESSES.get("bls")) {
            byte[] publicKey = HEX.parseHex(v.get("public_key_48").asString());
            Address address = Address.bls(publicKey);
            String expected = v.get("testnet_address").asString();
            assertEquals(expected, address.toString(Network.TESTNET));
            Address parsed = Address.parse(expected, Network.TESTNET);
            assertArrayEquals(publicKey, parsed.payload());
            assertEquals(Protocol.BLS, parsed.protocol());
        }
    }

    /** go-address address_test.go: TestVectorActorAddress, TestVectorSecp256k1Address, TestVectorsIDAddress. */
    @Test
    void goAddressVectors() {
        assertEquals("t24vg6ut43yw2h2jqydgbg2xq7x6f4kub3bg6as6i", Address.actor(bytes(118, 18, 129, 144, 205, 240, 104,
                209, 65, 128, 68, 172, 192, 62, 11, 103, 129, 151, 13, 96)).toString(Network.TESTNET));
        assertEquals("f25nml2cfbljvn4goqtclhifepvfnicv6g7mfmmvq", Address.actor(bytes(44, 175, 184, 226, 224, 107, 186,
                152, 234, 101, 124, 92, 245, 244, 32, 35, 170, 35, 232, 142)).toString(Network.MAINNET));
        assertEquals("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq", Address.secp256k1(bytes(4, 148, 2, 250, 195, 126,
                100, 50, 164, 22, 163, 160, 202, 84, 38, 181, 24, 90, 179, 178, 79, 97, 52, 239, 162, 92, 228, 135, 200,
                45, 46, 78, 19, 191, 69, 37, 17, 224, 210, 36, 84, 33, 248, 97, 59, 193, 13, 114, 250, 33, 102, 102, 169,
                108, 59, 193, 57, 32, 211, 255, 35, 63, 208, 188, 5)).toString(Network.TESTNET));
        assertEquals("t00", Address.ofId(0).toString(Network.TESTNET));
        assertEquals("t09223372036854775807", Address.ofId(Long.MAX_VALUE).toString(Network.TESTNET));
        for (String text : List.of("t00", "t01", "t010", "t0150", "t0499", "t01024", "t01729", "t0999999",
                "t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq", "t12fiakbhe2gwd5cnmrenekasyn6v5tnaxaqizq6a",
                "t17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy", "t2nuqrg7vuysaue2pistjjnt3fadsdzvyuatqtfei",
                "t2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y",
                "t3vvmn62lofvhjd2ugzca6sof2j2ubwok6cj4xxbfzz4yuxfkgobpihhd2thlanmsh3w2ptld2gqkn2jvlss4a",
                "t3q22fijmmlckhl56rn5nkyamkph3mcfu5ed6dheq53c244hfmnq2i7efdma3cj5voxenwiummf2ajlsbxc65a")) {
            assertEquals(text, Address.parse(text).toString(Network.TESTNET));
        }
    }

    /** go-address TestDelegatedAddress. */
    @Test
    void delegatedVectors() {
        Address small = Address.delegated(32, bytes(0xff, 0xff, 0xff, 0xff, 0xff));
        assertEquals("f432f77777777x32lpna", small.toString());
        assertEquals(small, Address.parse("f432f77777777x32lpna"));
        assertEquals(32, small.namespace());
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff), small.subaddress());

        assertEquals("f49223372036854775807fiic6zsy", Address.delegated(Long.MAX_VALUE, new byte[0]).toString());
        String longest = "f49223372036854775807"
                + "faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaahwgiuam";
        Address max = Address.delegated(Long.MAX_VALUE, new byte[Address.MAX_SUBADDRESS_LENGTH]);
        assertEquals(longest, max.toString());
        assertEquals(Address.MAX_STRING_LENGTH, longest.length());
        assertEquals(Address.MAX_BYTES_LENGTH, max.bytes().length);
        assertEquals(max, Address.parse(longest));
    }

    /** go-address TestTrailingBits: non-zero unused bits in the last character are not canonical. */
    @Test
    void trailingBitsMustBeZero() {
        Address.parse("f1xpbyy4tkdx5si2bgo37dubc2xwv6fum5tk57mia");
        AddressException e = assertThrows(AddressException.class,
                () -> Address.parse("f1xpbyy4tkdx5si2bgo37dubc2xwv6fum5tk57mid"));
        assertEquals(AddressException.Reason.INVALID_ENCODING, e.reason());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}

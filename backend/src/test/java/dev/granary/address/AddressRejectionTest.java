package dev.granary.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.granary.address.AddressException.Reason;

/** Every bad input gets an {@link AddressException} with the rule it broke and a message naming it. */
class AddressRejectionTest {

    private static final String SECP = "t17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy";
    private static final String BLS =
            "t3sogjuub37grt2tuvvlxbiamthwxenf2dwgq6sn7gpj72c5omg7gojjplsdsovgq6g3aagwerkght3e7boqfq";

    static Stream<Arguments> badStrings() {
        return Stream.of(
                // go-address TestInvalidStringAddresses
                Arguments.of("Q2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y", Reason.UNKNOWN_NETWORK, "starts with 'Q'"),
                Arguments.of("t5gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y", Reason.UNKNOWN_PROTOCOL, "protocol 5"),
                Arguments.of("t2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr24y", Reason.INVALID_CHECKSUM, "checksum"),
                Arguments.of("t0banananananannnnnnnnn", Reason.INVALID_LENGTH, "digits"),
                Arguments.of("t0banananananannnnnnn", Reason.INVALID_PAYLOAD, "'b' at position 3"),
                Arguments.of("t2gfvuyh7v2sx3patm1k23wdzmhyhtmqctasbr24y", Reason.INVALID_ENCODING, "'1' at position 19"),
                Arguments.of("t2gfvuyh7v2sx3paTm1k23wdzmhyhtmqctasbr24y", Reason.INVALID_ENCODING, "'T' at position 17"),
                Arguments.of("t2", Reason.INVALID_LENGTH, "too short"),
                Arguments.of("t1234q", Reason.INVALID_LENGTH, "checksum"),
                Arguments.of("a".repeat(Address.MAX_STRING_LENGTH + 1), Reason.INVALID_LENGTH, "116 characters"),
                Arguments.of("", Reason.INVALID_LENGTH, "empty"),
                Arguments.of("t", Reason.INVALID_LENGTH, "too short"),
                Arguments.of("t0", Reason.INVALID_LENGTH, "too short"),
                // ID overflow: 2^63 and 10^19 - 1
                Arguments.of("f09223372036854775808", Reason.INVALID_PAYLOAD, "larger than"),
                Arguments.of("f09999999999999999999", Reason.INVALID_PAYLOAD, "larger than"),
                Arguments.of("f0012", Reason.INVALID_PAYLOAD, "leading zero"),
                Arguments.of("f0-1", Reason.INVALID_PAYLOAD, "'-'"),
                Arguments.of("f0١٢", Reason.INVALID_PAYLOAD, "not a decimal digit"),
                // network letters
                Arguments.of("F01234", Reason.UNKNOWN_NETWORK, "lower case"),
                Arguments.of("x01234", Reason.UNKNOWN_NETWORK, "'f' (mainnet) or 't'"),
                Arguments.of("fa1234", Reason.UNKNOWN_PROTOCOL, "protocol digit"),
                // wrong lengths for the hashed protocols
                // go-address: "a" bytes, checksummed or not, one too many or too few for the protocol
                Arguments.of("t1" + encodedA(24), Reason.INVALID_CHECKSUM, "checksum"),
                Arguments.of("t1" + encodedA(25), Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of("t1" + encodedA(23), Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of("t2" + encodedA(24), Reason.INVALID_CHECKSUM, "checksum"),
                Arguments.of("t2" + encodedA(25), Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of("t3" + encodedA(52), Reason.INVALID_CHECKSUM, "checksum"),
                Arguments.of("t3" + encodedA(53), Reason.INVALID_LENGTH, "48-byte payload"),
                Arguments.of("t3" + encodedA(51), Reason.INVALID_LENGTH, "48-byte payload"),
                // correct checksums over payloads of the wrong length
                Arguments.of(checksummed(1, 19), Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of(checksummed(2, 21), Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of(checksummed(3, 47), Reason.INVALID_LENGTH, "48-byte payload"),
                Arguments.of(BLS.substring(0, BLS.length() - 1), Reason.INVALID_ENCODING, "is truncated"),
                Arguments.of(SECP.substring(0, SECP.length() - 1), Reason.INVALID_ENCODING, "is truncated"),
                Arguments.of("t1aaab", Reason.INVALID_ENCODING, "non-zero bits after its last byte"),
                Arguments.of("t1aaaa", Reason.INVALID_LENGTH, "checksum"),
                Arguments.of("t1aaaaaaa", Reason.INVALID_LENGTH, "20-byte payload"),
                Arguments.of("t1" + "A".repeat(39), Reason.INVALID_ENCODING, "is not a lower-case base32 character"),
                // the same protocol digit with a different payload fails the checksum
                Arguments.of("t2" + SECP.substring(2), Reason.INVALID_CHECKSUM, "checksum"),
                // delegated
                Arguments.of("f410", Reason.INVALID_PAYLOAD, "'f' between"),
                Arguments.of("f4f77777777x32lpna", Reason.INVALID_PAYLOAD, "no namespace digits"),
                Arguments.of("f432f77777777x32lpnb", Reason.INVALID_ENCODING, "non-zero bits after its last byte"),
                Arguments.of("f433f77777777x32lpna", Reason.INVALID_CHECKSUM, "checksum"),
                Arguments.of("f432faaa", Reason.INVALID_ENCODING, "is truncated"),
                Arguments.of("f432faaaaa", Reason.INVALID_LENGTH, "checksum"),
                Arguments.of("f49223372036854775808f77777777x32lpna", Reason.INVALID_PAYLOAD, "larger than"),
                Arguments.of("f410f" + "a".repeat(96), Reason.INVALID_LENGTH, "longer than"));
    }

    @ParameterizedTest
    @MethodSource("badStrings")
    void rejectsBadText(String text, Reason reason, String messagePart) {
        AddressException e = assertThrows(AddressException.class, () -> Address.parse(text));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), () -> "'" + e.getMessage() + "' lacks '" + messagePart + "'");
    }

    @Test
    void rejectsNull() {
        assertEquals(Reason.INVALID_LENGTH, assertThrows(AddressException.class, () -> Address.parse(null)).reason());
        assertEquals(Reason.INVALID_LENGTH,
                assertThrows(AddressException.class, () -> Address.fromBytes(null)).reason());
    }

    @Test
    void rejectsTheOtherNetworkWhenOneIsRequired() {
        AddressException e = assertThrows(AddressException.class, () -> Address.parse(SECP, Network.MAINNET));
        assertEquals(Reason.UNKNOWN_NETWORK, e.reason());
        assertTrue(e.getMessage().contains("starting 'f'"), e.getMessage());
    }

    static Stream<Arguments> badBytes() {
        return Stream.of(
                // go-address TestInvalidByteAddresses
                Arguments.of(bytes(5, 4, 4), Reason.UNKNOWN_PROTOCOL),
                Arguments.of(bytes(0), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(1, 19), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(1, 21), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(2, 19), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(2, 21), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(3, 47), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(3, 33), Reason.INVALID_LENGTH),
                Arguments.of(withPayload(4, 1 + Address.MAX_SUBADDRESS_LENGTH + 1), Reason.INVALID_LENGTH),
                Arguments.of(bytes(4, 0xff), Reason.INVALID_PAYLOAD),
                // go-address TestIDEdgeCase and TestIDMax: truncated, 2^64, non-minimal, trailing bytes
                Arguments.of(bytes(0, 0x80), Reason.INVALID_PAYLOAD),
                Arguments.of(bytes(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), Reason.INVALID_PAYLOAD),
                Arguments.of(bytes(0, 0x81, 0x00), Reason.INVALID_PAYLOAD),
                Arguments.of(bytes(0, 0x01, 0x01), Reason.INVALID_LENGTH),
                Arguments.of(bytes(), Reason.INVALID_LENGTH),
                Arguments.of(bytes(0xff, 1), Reason.UNKNOWN_PROTOCOL));
    }

    @ParameterizedTest
    @MethodSource("badBytes")
    void rejectsBadBytes(byte[] bytes, Reason reason) {
        AddressException e = assertThrows(AddressException.class, () -> Address.fromBytes(bytes));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    @Test
    void constructorsRejectOutOfRangeParts() {
        assertThrows(AddressException.class, () -> Address.ofId(-1));
        assertThrows(AddressException.class, () -> Address.delegated(-1, new byte[0]));
        assertThrows(AddressException.class, () -> Address.delegated(10, new byte[Address.MAX_SUBADDRESS_LENGTH + 1]));
        assertThrows(AddressException.class, () -> Address.bls(new byte[47]));
        assertThrows(AddressException.class, () -> Address.secp256k1(new byte[33]));
        assertThrows(IllegalStateException.class, () -> Address.ofId(5).namespace());
        assertThrows(IllegalStateException.class, () -> Address.actor(new byte[1]).id());
    }

    private static String encodedA(int count) {
        byte[] a = new byte[count];
        Arrays.fill(a, (byte) 'a');
        return AddressBase32.encode(a);
    }

    /** Text with a valid checksum over protocol byte and a zero payload of {@code length} bytes. */
    private static String checksummed(int protocol, int length) {
        byte[] bytes = withPayload(protocol, length);
        byte[] payloadAndChecksum = Arrays.copyOf(Arrays.copyOfRange(bytes, 1, bytes.length), length + 4);
        System.arraycopy(AddressHash.checksum(bytes), 0, payloadAndChecksum, length, 4);
        return "t" + protocol + AddressBase32.encode(payloadAndChecksum);
    }

    private static byte[] withPayload(int protocol, int length) {
        byte[] out = new byte[1 + length];
        out[0] = (byte) protocol;
        Arrays.fill(out, 1, out.length, (byte) 0);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}

package dev.granary.address;

import java.util.Arrays;

import dev.granary.address.AddressException.Reason;

/** The text form of addresses, with go-address's validation order and rules. */
final class AddressText {

    private AddressText() {
    }

    static String format(Address address, Network network) {
        byte[] bytes = address.bytes();
        Protocol protocol = address.protocol();
        StringBuilder out = new StringBuilder(Address.MAX_STRING_LENGTH).append(network.prefix()).append(protocol.code());
        switch (protocol) {
            case ID -> out.append(address.id());
            case SECP256K1, ACTOR, BLS -> out.append(AddressBase32.encode(withChecksum(address.payload(), bytes)));
            case DELEGATED -> out.append(address.namespace()).append('f')
                    .append(AddressBase32.encode(withChecksum(address.subaddress(), bytes)));
        }
        return out.toString();
    }

    private static byte[] withChecksum(byte[] data, byte[] addressBytes) {
        byte[] checksum = AddressHash.checksum(addressBytes);
        byte[] out = Arrays.copyOf(data, data.length + checksum.length);
        System.arraycopy(checksum, 0, out, data.length, checksum.length);
        return out;
    }

    static Address parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new AddressException(Reason.INVALID_LENGTH, "empty address");
        }
        // Bounded before anything else is done with the input.
        if (text.length() > Address.MAX_STRING_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "address of " + text.length()
                    + " characters is longer than the longest valid address (" + Address.MAX_STRING_LENGTH + ")");
        }
        if (text.length() < 3) {
            throw new AddressException(Reason.INVALID_LENGTH, "'" + text
                    + "' is too short for an address (network letter, protocol digit, payload)");
        }
        Network.byPrefix(text.charAt(0));
        char digit = text.charAt(1);
        if (digit < '0' || digit > '9') {
            throw new AddressException(Reason.UNKNOWN_PROTOCOL, "'" + text + "': the second character must be the"
                    + " protocol digit 0-4, got '" + digit + "'");
        }
        Protocol protocol = Protocol.byCode(digit - '0');
        String raw = text.substring(2);
        return switch (protocol) {
            case ID -> Address.ofId(decimal(raw, "ID", 2));
            case DELEGATED -> parseDelegated(raw);
            case SECP256K1, ACTOR, BLS -> parseHashed(protocol, raw);
        };
    }

    private static Address parseHashed(Protocol protocol, String raw) {
        byte[] decoded = AddressBase32.decode(raw, 2);
        if (decoded.length < Address.CHECKSUM_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "address is too short to hold its "
                    + Address.CHECKSUM_LENGTH + "-byte checksum");
        }
        int payloadLength = decoded.length - Address.CHECKSUM_LENGTH;
        int expected = protocol == Protocol.BLS ? Address.BLS_PUBLIC_KEY_LENGTH : Address.PAYLOAD_HASH_LENGTH;
        if (payloadLength != expected) {
            throw new AddressException(Reason.INVALID_LENGTH, protocol.name().toLowerCase(java.util.Locale.ROOT)
                    + " address must carry a " + expected + "-byte payload, this one has " + payloadLength
                    + " (the address is truncated or has extra characters)");
        }
        byte[] bytes = new byte[1 + payloadLength];
        bytes[0] = (byte) protocol.code();
        System.arraycopy(decoded, 0, bytes, 1, payloadLength);
        verifyChecksum(bytes, Arrays.copyOfRange(decoded, payloadLength, decoded.length));
        return Address.fromBytes(bytes);
    }

    private static Address parseDelegated(String raw) {
        int separator = raw.indexOf('f');
        if (separator < 0) {
            throw new AddressException(Reason.INVALID_PAYLOAD, "delegated address needs 'f' between its namespace"
                    + " and subaddress, as in f410f...");
        }
        long namespace = decimal(raw.substring(0, separator), "namespace", 2);
        byte[] decoded = AddressBase32.decode(raw.substring(separator + 1), 2 + separator + 1);
        if (decoded.length < Address.CHECKSUM_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "delegated address is too short to hold its "
                    + Address.CHECKSUM_LENGTH + "-byte checksum");
        }
        byte[] subaddress = Arrays.copyOf(decoded, decoded.length - Address.CHECKSUM_LENGTH);
        if (subaddress.length > Address.MAX_SUBADDRESS_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "delegated subaddress of " + subaddress.length
                    + " bytes is longer than " + Address.MAX_SUBADDRESS_LENGTH);
        }
        Address address = Address.delegated(namespace, subaddress);
        verifyChecksum(address.bytes(), Arrays.copyOfRange(decoded, subaddress.length, decoded.length));
        return address;
    }

    private static void verifyChecksum(byte[] addressBytes, byte[] checksum) {
        if (!Arrays.equals(AddressHash.checksum(addressBytes), checksum)) {
            throw new AddressException(Reason.INVALID_CHECKSUM,
                    "address checksum does not match; check the address for a typing or copying mistake");
        }
    }

    /**
     * A decimal actor ID or namespace: 1 to 19 ASCII digits, no sign, no leading zeros (so each
     * address has one text form), below 2^63.
     */
    private static long decimal(String digits, String what, int offset) {
        if (digits.isEmpty()) {
            throw new AddressException(Reason.INVALID_PAYLOAD, "address has no " + what + " digits");
        }
        if (digits.length() > Address.MAX_ID_DIGITS) {
            throw new AddressException(Reason.INVALID_LENGTH, what + " of " + digits.length()
                    + " digits is longer than the largest (" + Long.MAX_VALUE + ")");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new AddressException(Reason.INVALID_PAYLOAD, "character '" + c + "' at position "
                        + (offset + i + 1) + " is not a decimal digit of the " + what);
            }
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new AddressException(Reason.INVALID_PAYLOAD, what + " '" + digits
                    + "' has a leading zero; write it without leading zeros");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - d) / 10) {
                throw new AddressException(Reason.INVALID_PAYLOAD, what + " " + digits
                        + " is larger than the largest (" + Long.MAX_VALUE + ")");
            }
            value = value * 10 + d;
        }
        return value;
    }
}

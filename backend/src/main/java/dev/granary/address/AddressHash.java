package dev.granary.address;

import dev.granary.multiformats.Blake2b;

/** The two blake2b sizes addresses use: 20-byte payload hashes and 4-byte checksums. */
final class AddressHash {

    static final int PAYLOAD_LENGTH = 20;
    static final int CHECKSUM_LENGTH = 4;

    private AddressHash() {
    }

    static byte[] payload(byte[] data) {
        return blake2b(data, PAYLOAD_LENGTH);
    }

    /** Checksum over protocol byte || payload, i.e. over the address bytes. */
    static byte[] checksum(byte[] addressBytes) {
        return blake2b(addressBytes, CHECKSUM_LENGTH);
    }

    private static byte[] blake2b(byte[] data, int length) {
        return Blake2b.sum(data, length);
    }
}

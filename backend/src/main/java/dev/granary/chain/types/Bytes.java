package dev.granary.chain.types;

import java.util.HexFormat;

/** Defensive copies and short renderings of the byte fields chain types carry. */
final class Bytes {

    private Bytes() {
    }

    static byte[] copy(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes.clone();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

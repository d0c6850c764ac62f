package dev.granary.cbor;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 both ways: dag-cbor text must be valid UTF-8, and Java's lenient default would turn an
 * unpaired surrogate or a malformed byte into '?' or U+FFFD, giving one string two encodings.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The UTF-8 bytes of {@code text}; an unpaired surrogate is an {@link IllegalArgumentException}. */
    static byte[] encode(String text) {
        if (isAscii(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        try {
            ByteBuffer out = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(out.array(), out.arrayOffset() + out.position(), out.arrayOffset() + out.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text has an unpaired surrogate and no UTF-8 form", e);
        }
    }

    /** Decodes {@code in[offset, offset+length)}, or returns null when it is not valid UTF-8. */
    static String decode(byte[] in, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) {
            ascii = in[i] >= 0;
        }
        if (ascii) {
            return new String(in, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** dag-cbor's map key order: shorter UTF-8 first, then bytewise. */
    static int compareKeys(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        if (aLength != bLength) {
            return Integer.compare(aLength, bLength);
        }
        return Arrays.compareUnsigned(a, aOffset, aOffset + aLength, b, bOffset, bOffset + bLength);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

package dev.granary.fuzz;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.cbor.CborException;
import dev.granary.cbor.CborOptions;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborValue;
import dev.granary.multiformats.Cid;

/**
 * Any input to the dag-cbor decoder either decodes, and then re-encodes to exactly the same bytes
 * (canonical: one encoding per value), or is refused with a {@link CborException}. Anything else (an
 * OutOfMemoryError, a StackOverflowError, a stray IndexOutOfBoundsException) is a finding.
 *
 * <p>Seeds live in src/test/resources/dev/granary/fuzz/CborDecoderFuzzTestInputs/; see docs/testing.md.
 */
class CborDecoderFuzzTest {

    private static final CborOptions STRICT = CborOptions.DEFAULT;
    private static final CborOptions FLOATS = CborOptions.DEFAULT.withFloats().withMaxDepth(8);

    /** A struct with every field kind a chain type uses, to drive the typed path as well. */
    private record Record(long count, byte[] data, long delta, List<Cid> links, String label) {
    }

    private static final CborCodec<Record> RECORD = CborCodec.tuple("Record", 5,
            (r, w) -> {
                w.writeUnsigned(r.count()).writeBytes(r.data()).writeInt(r.delta());
                CborCodecs.listOf(CborCodecs.CID).encode(r.links(), w);
                CborCodecs.nullable(CborCodecs.TEXT).encode(r.label(), w);
            },
            r -> new Record(r.readUnsigned(), r.readBytes(), r.readInt(), CborCodecs.listOf(CborCodecs.CID).decode(r),
                    CborCodecs.nullable(CborCodecs.TEXT).decode(r)));

    @FuzzTest
    void decodeThenReencode(byte[] input) {
        boolean strictAccepted = genericRoundTrip(input, STRICT);
        boolean floatsAccepted = genericRoundTrip(input, FLOATS);
        if (strictAccepted != skips(input, STRICT) || floatsAccepted != skips(input, FLOATS)) {
            throw new AssertionError("the value decoder and skip() disagree on " + hex(input));
        }
        try {
            Record record = RECORD.decode(input);
            requireSame(input, RECORD.encode(record), "the typed codec");
        } catch (CborException refused) {
            // Refusing is a valid outcome; only its type matters here.
        }
    }

    private static boolean genericRoundTrip(byte[] input, CborOptions options) {
        CborValue value;
        try {
            value = CborValue.decode(input, options);
        } catch (CborException refused) {
            return false;
        }
        requireSame(input, value.encode(options), "the value codec");
        return true;
    }

    private static boolean skips(byte[] input, CborOptions options) {
        try {
            CborReader reader = new CborReader(input, options);
            reader.skip();
            reader.finish();
            return true;
        } catch (CborException refused) {
            return false;
        }
    }

    private static void requireSame(byte[] input, byte[] reencoded, String path) {
        if (!Arrays.equals(input, reencoded)) {
            throw new AssertionError(path + " accepted " + hex(input) + " but re-encoded it as " + hex(reencoded));
        }
    }

    private static String hex(byte[] bytes) {
        return bytes.length > 256 ? bytes.length + " bytes" : HexFormat.of().formatHex(bytes);
    }
}

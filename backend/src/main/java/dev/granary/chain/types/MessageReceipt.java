package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborException;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborWriter;
import dev.granary.multiformats.Cid;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of applying one message (Lotus v1.2x types.MessageReceipt), in one of the two layouts
 * Lotus reads and writes since actor events (FIP-0049, network version 18):
 * <ul>
 * <li>{@link Version#V0}: [ExitCode int64, Return bytes, GasUsed int64], receipts before nv18;</li>
 * <li>{@link Version#V1}: the same plus EventsRoot, a CID or null when the message emitted no
 * events. Granary's devnet writes only this layout.</li>
 * </ul>
 * Decoding picks the layout from the field count, as Lotus' custom unmarshaller does, so re-encoding
 * gives back the same bytes and the same receipts-AMT root.
 */
public record MessageReceipt(Version version, long exitCode, byte[] returnValue, long gasUsed, Cid eventsRoot) {

    public enum Version {
        V0(3), V1(4);

        private final int fields;

        Version(int fields) {
            this.fields = fields;
        }

        public int fields() {
            return fields;
        }
    }

    public static final CborCodec<MessageReceipt> CODEC = CborCodec.of(MessageReceipt::encode, MessageReceipt::decode);

    public MessageReceipt {
        Objects.requireNonNull(version, "version");
        returnValue = Bytes.copy(returnValue);
        if (version == Version.V0 && eventsRoot != null) {
            throw new IllegalArgumentException("a V0 receipt has no events root; use V1 for a message that emitted events");
        }
    }

    /** The receipt the devnet writes: layout V1. */
    public static MessageReceipt of(long exitCode, byte[] returnValue, long gasUsed, Cid eventsRoot) {
        return new MessageReceipt(Version.V1, exitCode, returnValue, gasUsed, eventsRoot);
    }

    @Override
    public byte[] returnValue() {
        return returnValue.clone();
    }

    private static void encode(MessageReceipt m, CborWriter w) {
        w.writeArrayHeader(m.version.fields()).writeInt(m.exitCode).writeBytes(m.returnValue).writeInt(m.gasUsed);
        if (m.version == Version.V1) {
            if (m.eventsRoot == null) {
                w.writeNull();
            } else {
                w.writeCid(m.eventsRoot);
            }
        }
    }

    private static MessageReceipt decode(CborReader r) {
        int at = r.position();
        int fields = r.readArrayHeader();
        if (fields != Version.V0.fields() && fields != Version.V1.fields()) {
            throw new CborException(at, "MessageReceipt: expected 3 fields (V0) or 4 (V1), found " + fields);
        }
        long exitCode = r.readInt();
        byte[] ret = r.readBytes();
        long gasUsed = r.readInt();
        if (fields == Version.V0.fields()) {
            return new MessageReceipt(Version.V0, exitCode, ret, gasUsed, null);
        }
        Cid events = r.tryReadNull() ? null : r.readCid();
        return new MessageReceipt(Version.V1, exitCode, ret, gasUsed, events);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageReceipt m && version == m.version && exitCode == m.exitCode && gasUsed == m.gasUsed
            && Arrays.equals(returnValue, m.returnValue) && Objects.equals(eventsRoot, m.eventsRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, exitCode, gasUsed, Arrays.hashCode(returnValue), eventsRoot);
    }

    @Override
    public String toString() {
        return "MessageReceipt[" + version + ", exit " + exitCode + ", gas " + gasUsed + ", return "
            + returnValue.length + " bytes, events " + eventsRoot + "]";
    }
}

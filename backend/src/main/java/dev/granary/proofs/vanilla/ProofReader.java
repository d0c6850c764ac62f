package dev.granary.proofs.vanilla;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian reads from proof bytes where running out of bytes is a {@link MalformedProofException}. */
final class ProofReader {

    private final ByteBuffer in;

    ProofReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void need(int bytes, String what) {
        if (in.remaining() < bytes) {
            throw new MalformedProofException(what + " needs " + bytes + " bytes at offset " + in.position()
                    + ", only " + in.remaining() + " remain");
        }
    }

    int u8(String what) {
        need(1, what);
        return in.get() & 0xff;
    }

    int u16(String what) {
        need(2, what);
        return in.getShort() & 0xffff;
    }

    long u64(String what) {
        need(8, what);
        return in.getLong();
    }

    byte[] bytes(int length, String what) {
        need(length, what);
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    void expectVersion(int version, String what) {
        int v = u8(what + " version");
        if (v != version) {
            throw new MalformedProofException(what + " has format version " + v + ", this node reads " + version);
        }
    }

    void expectEnd(String what) {
        if (in.hasRemaining()) {
            throw new MalformedProofException(what + " has " + in.remaining() + " unexpected trailing bytes");
        }
    }
}

package dev.granary.proofs.vanilla;

import java.io.ByteArrayOutputStream;

/** Little-endian writes of proof bytes. */
final class ProofWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProofWriter u8(int v) {
        out.write(v);
        return this;
    }

    ProofWriter u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    ProofWriter u64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ProofWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}

package dev.granary.proofs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

import dev.granary.kernels.Kernels;

/**
 * The payload of one piece on its way to CommP: every byte CommP reads is also staged, Fr32-padded
 * in whole 127-byte groups and written to the unsealed file, so the payload is read once and
 * memory stays at one staging chunk whatever the piece size. Reads end after exactly the declared
 * size; a payload that ends earlier throws {@link AddPieceException.Kind#PAYLOAD_TOO_SHORT}.
 */
final class Fr32PaddingTee implements ReadableByteChannel {

    /** 127 * 8192 raw bytes: 1 MiB of padded data per write. */
    static final int STAGE_QUADS = 8192;

    private final InputStream payload;
    private final Path payloadName;
    private final long declared;
    private final Kernels kernels;
    private final FileChannel out;
    private final Path outName;
    private final ByteBuffer raw;
    private final ByteBuffer padded;
    private final byte[] transfer;
    private long read;
    private long writePosition;
    private boolean open = true;

    Fr32PaddingTee(InputStream payload, Path payloadName, long declared, Kernels kernels, FileChannel out,
            Path outName, long writePosition) {
        this.payload = payload;
        this.payloadName = payloadName;
        this.declared = declared;
        this.kernels = kernels;
        this.out = out;
        this.outName = outName;
        this.writePosition = writePosition;
        int quads = (int) Math.min(STAGE_QUADS, declared / Kernels.FR32_RAW);
        this.raw = ByteBuffer.allocateDirect(quads * Kernels.FR32_RAW);
        this.padded = ByteBuffer.allocateDirect(quads * Kernels.FR32_PADDED);
        this.transfer = new byte[raw.capacity()];
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (read == declared) {
            return -1;
        }
        int want = (int) Math.min(Math.min(dst.remaining(), raw.remaining()), declared - read);
        int n = readPayload(want);
        if (n < 0) {
            throw new AddPieceException(AddPieceException.Kind.PAYLOAD_TOO_SHORT, payloadName, "the payload ended after "
                    + read + " of the " + declared + " bytes declared; pass the piece's full unpadded size of data"
                    + " (pad the payload with zeros to it)");
        }
        dst.put(transfer, 0, n);
        raw.put(transfer, 0, n);
        read += n;
        if (!raw.hasRemaining() || read == declared) {
            writeStaged();
        }
        return n;
    }

    private int readPayload(int want) throws IOException {
        try {
            return payload.read(transfer, 0, want);
        } catch (IOException e) {
            throw new AddPieceException(AddPieceException.Kind.IO, payloadName, "reading the payload failed after "
                    + read + " bytes: " + e.getMessage(), e);
        }
    }

    /** Pads the staged bytes (whole 127-byte groups: chunk and piece sizes are multiples of 127) and writes them. */
    private void writeStaged() {
        raw.flip();
        int quads = raw.remaining() / Kernels.FR32_RAW;
        padded.clear().limit(quads * Kernels.FR32_PADDED);
        kernels.fr32Pad(raw, padded);
        try {
            while (padded.hasRemaining()) {
                writePosition += out.write(padded, writePosition);
            }
        } catch (IOException e) {
            throw new AddPieceException(AddPieceException.Kind.IO, outName, "writing the padded piece at offset "
                    + writePosition + " failed: " + e.getMessage() + "; check the disk has space and is writable", e);
        }
        raw.clear();
    }

    /** Bytes of payload read so far. */
    long payloadRead() {
        return read;
    }

    /** Where the next padded byte would go in the unsealed file. */
    long writePosition() {
        return writePosition;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Leaves the payload stream open: it belongs to the caller. */
    @Override
    public void close() {
        open = false;
    }
}

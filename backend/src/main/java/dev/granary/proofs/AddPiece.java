package dev.granary.proofs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommP;
import dev.granary.kernels.commp.PieceSize;

/**
 * AddPiece, as filecoin-ffi's add_piece / write_and_preprocess: reads exactly one piece's unpadded
 * size of payload, Fr32-pads it onto the end of the sector's unsealed file (after the zeros that
 * align it to its own size, as rust-fil-proofs' get_piece_alignment places them) and computes its
 * CommP from the same bytes on the way. The payload is streamed once; memory is a few 1 MiB chunks
 * whatever the piece size.
 *
 * <p>The unsealed file holds the existing pieces, each aligned, and nothing after the last one: its
 * length must be the existing pieces' padded total with alignment. A failed call cuts the file back to
 * that length, so the pieces already there stay valid. Calls for one sector must not run concurrently.
 */
public final class AddPiece {

    private static final int ZERO_CHUNK = 1 << 20;

    private final Kernels kernels;
    private final int threads;

    public AddPiece(Kernels kernels, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.kernels = kernels;
        this.threads = threads;
    }

    /** The best kernels on every core. */
    public static AddPiece withDefaults() {
        return new AddPiece(Kernels.best(), Runtime.getRuntime().availableProcessors());
    }

    /** {@link #add(long, Path, List, long, InputStream)} with the payload read from a file of exactly that size. */
    public PieceInfo add(long sectorSize, Path unsealed, List<PieceInfo> existing, long unpaddedPieceSize,
            Path payloadFile) {
        try (InputStream in = Files.newInputStream(payloadFile)) {
            return add(sectorSize, unsealed, existing, unpaddedPieceSize, in, payloadFile);
        } catch (NoSuchFileException e) {
            throw new AddPieceException(AddPieceException.Kind.IO, payloadFile, "the payload file does not exist", e);
        } catch (IOException e) {
            throw new AddPieceException(AddPieceException.Kind.IO, payloadFile, "reading the payload file failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Appends one piece to {@code unsealed}, which holds {@code existing} in order (it is created when
     * there are none), and returns the new piece's info.
     *
     * @param sectorSize        the sector's (padded) size in bytes
     * @param unpaddedPieceSize 127 * 2^k bytes (a padded size of 128 * 2^k); {@code payload} must hold exactly that many
     * @param payload           read to exactly the piece size and then probed for one more byte; left open
     */
    public PieceInfo add(long sectorSize, Path unsealed, List<PieceInfo> existing, long unpaddedPieceSize,
            InputStream payload) {
        return add(sectorSize, unsealed, existing, unpaddedPieceSize, payload, unsealed);
    }

    private PieceInfo add(long sectorSize, Path unsealed, List<PieceInfo> existing, long unpaddedPieceSize,
            InputStream payload, Path payloadName) {
        requireSizes(sectorSize, unpaddedPieceSize, unsealed);
        List<Long> existingSizes = new ArrayList<>(existing.size());
        for (PieceInfo piece : existing) {
            existingSizes.add(piece.unpaddedSize());
        }
        long written = PieceAlignment.sumWithAlignment(existingSizes);
        PieceAlignment alignment = PieceAlignment.of(written, unpaddedPieceSize);
        long end = padded(written);
        long offset = padded(written + alignment.leftBytes());
        long pieceBytes = padded(unpaddedPieceSize);
        if (offset + pieceBytes > sectorSize) {
            throw new AddPieceException(AddPieceException.Kind.NO_SPACE, unsealed, "a piece of " + pieceBytes
                    + " padded bytes would start at offset " + offset + " (aligned after " + existing.size()
                    + " existing pieces) and does not fit the " + sectorSize + "-byte sector ("
                    + Math.max(0, sectorSize - offset) + " bytes left there); put it in another sector");
        }
        try (FileChannel file = open(unsealed, existing.isEmpty())) {
            requireLength(file, unsealed, end, existing.size());
            try {
                writeZeros(file, end, offset);
                byte[] commP = padAndCommit(payload, payloadName, unpaddedPieceSize, file, unsealed, offset);
                file.force(false);
                return new PieceInfo(pieceBytes, commP);
            } catch (RuntimeException | IOException e) {
                cutBack(file, unsealed, end, e);
                throw e;
            }
        } catch (IOException e) {
            throw new AddPieceException(AddPieceException.Kind.IO, unsealed, "writing the unsealed file failed: "
                    + e.getMessage() + "; check the disk has space and is writable", e);
        }
    }

    private byte[] padAndCommit(InputStream payload, Path payloadName, long declared, FileChannel file, Path unsealed,
            long offset) throws IOException {
        Fr32PaddingTee tee = new Fr32PaddingTee(payload, payloadName, declared, kernels, file, unsealed, offset);
        CommP.Result result = new CommP(kernels, threads).compute(tee);
        if (payload.read() >= 0) {
            throw new AddPieceException(AddPieceException.Kind.PAYLOAD_TOO_LONG, payloadName, "the payload holds more"
                    + " than the " + declared + " bytes declared; declare the piece size that holds it, or limit"
                    + " the stream to it");
        }
        // The tee read exactly the declared size, a whole piece, so CommP needed no padding of its own.
        if (result.payloadSize() != declared || result.paddedSize() != padded(declared)) {
            throw new IllegalStateException("CommP saw " + result.payloadSize() + " bytes (" + result.paddedSize()
                    + " padded) of a " + declared + "-byte piece");
        }
        return result.commP();
    }

    private static void requireSizes(long sectorSize, long unpaddedPieceSize, Path unsealed) {
        if (!PieceSize.isValid(sectorSize) || sectorSize > PieceSize.MAX_PADDED) {
            throw new AddPieceException(AddPieceException.Kind.INVALID_SIZE, unsealed, "sector size " + sectorSize
                    + " is not a power of two between 128 bytes and 64 GiB");
        }
        if (unpaddedPieceSize <= 0 || unpaddedPieceSize % Kernels.FR32_RAW != 0
                || !PieceSize.isValid(padded(unpaddedPieceSize))) {
            throw new AddPieceException(AddPieceException.Kind.INVALID_SIZE, unsealed, "unpadded piece size "
                    + unpaddedPieceSize + " is not 127 * 2^k bytes (the unpadded size of a 128 * 2^k-byte piece);"
                    + " pad the payload with zeros up to the next such size");
        }
    }

    private static FileChannel open(Path unsealed, boolean mayCreate) throws IOException {
        try {
            if (mayCreate) {
                Path parent = unsealed.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return FileChannel.open(unsealed, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            return FileChannel.open(unsealed, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new AddPieceException(AddPieceException.Kind.FILE_MISMATCH, unsealed, "the unsealed file is missing"
                    + " but should hold the existing pieces; restore it or add the pieces again from the start", e);
        }
    }

    private static void requireLength(FileChannel file, Path unsealed, long end, int existing) throws IOException {
        long size = file.size();
        if (size != end) {
            throw new AddPieceException(AddPieceException.Kind.FILE_MISMATCH, unsealed, "the unsealed file holds "
                    + size + " bytes but its " + existing + " existing pieces, aligned, take " + end
                    + "; pass the pieces it really holds, or rewrite it from the pieces");
        }
    }

    /** The filler before the piece: zero payload is zero padded bytes, so zeros go straight to the file. */
    private static void writeZeros(FileChannel file, long from, long to) throws IOException {
        if (from == to) {
            return;
        }
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK, to - from));
        long position = from;
        while (position < to) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - position));
            while (zeros.hasRemaining()) {
                position += file.write(zeros, position);
            }
        }
    }

    private static void cutBack(FileChannel file, Path unsealed, long end, Exception failure) {
        try {
            file.truncate(end);
        } catch (IOException e) {
            failure.addSuppressed(new AddPieceException(AddPieceException.Kind.IO, unsealed, "cutting the unsealed file"
                    + " back to " + end + " bytes after the failure also failed; it holds a partial piece after the"
                    + " existing ones and must be truncated to " + end + " bytes by hand", e));
        }
    }

    private static long padded(long unpadded) {
        return unpadded / Kernels.FR32_RAW * Kernels.FR32_PADDED;
    }

    @Override
    public String toString() {
        return "AddPiece[" + kernels.detail() + ", threads=" + threads + "]";
    }
}

package dev.granary.proofs.sector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.vanilla.VanillaPoStProof;

/**
 * p_aux in the sector's cache directory: comm_c then comm_r_last, 32 bytes each, 64 bytes in all
 * (the same length and order as rust-fil-proofs' bincode PersistentAux; our values are
 * sha256-trunc254 roots, not Poseidon ones). Proving reads it to show comm_c and comm_r_last hash
 * to the sector's comm_r.
 */
public record PersistentAux(byte[] commC, byte[] commRLast) {

    public static final String FILE_NAME = "p_aux";
    public static final int BYTES = 64;

    public PersistentAux {
        if (commC.length != 32 || commRLast.length != 32) {
            throw new IllegalArgumentException("comm_c and comm_r_last are 32 bytes");
        }
        commC = commC.clone();
        commRLast = commRLast.clone();
    }

    @Override
    public byte[] commC() {
        return commC.clone();
    }

    @Override
    public byte[] commRLast() {
        return commRLast.clone();
    }

    public byte[] commR() {
        return VanillaPoStProof.commR(commC, commRLast);
    }

    public static Path file(Path cacheDir) {
        return cacheDir.resolve(FILE_NAME);
    }

    public void write(Path cacheDir) {
        byte[] bytes = new byte[BYTES];
        System.arraycopy(commC, 0, bytes, 0, 32);
        System.arraycopy(commRLast, 0, bytes, 32, 32);
        AuxFiles.writeAtomically(file(cacheDir), bytes);
    }

    public static PersistentAux read(Path cacheDir) {
        Path file = file(cacheDir);
        byte[] bytes = AuxFiles.read(file);
        if (bytes.length != BYTES) {
            throw new ProofFileException(file, (bytes.length < BYTES ? "truncated" : "wrong size") + ": p_aux is "
                    + BYTES + " bytes (comm_c, comm_r_last), the file has " + bytes.length);
        }
        return new PersistentAux(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
    }

    /** Reads p_aux and checks it belongs to the sector whose comm_r is {@code commR}. */
    public static PersistentAux readFor(Path cacheDir, byte[] commR) {
        PersistentAux aux = read(cacheDir);
        if (!Arrays.equals(aux.commR(), commR)) {
            throw new ProofFileException(file(cacheDir), "corrupt: comm_c and comm_r_last do not hash to the sector's"
                    + " comm_r (a corrupt file or another sector's cache)");
        }
        return aux;
    }

    /** Shared file helpers for p_aux and t_aux. */
    static final class AuxFiles {

        private AuxFiles() {
        }

        static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new ProofFileException(file, "missing", e);
            } catch (IOException e) {
                throw new ProofFileException(file, "cannot read: " + e.getMessage(), e);
            }
        }

        static void writeAtomically(Path file, byte[] bytes) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ProofFileException(file, "cannot write: " + e.getMessage()
                        + "; check the cache directory is writable and has room", e);
            }
        }
    }
}

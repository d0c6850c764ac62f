package dev.granary.proofs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.tree.TreeFixtures;

/** Seals sectors of random Fr32-valid data made of two half-sector pieces, as the tests need them. */
final class SealFixture {

    static final long MINER = 1000;

    /** One sealed sector and what sealing it took. */
    record Sealed(RegisteredSealProof proof, SectorRef sector, SectorFiles files, byte[] ticket, byte[] data,
            SealCommitments commitments, PreCommit1Output pc1) {

        ProvableSector provable() {
            return new ProvableSector(proof, sector.number(), commitments.commR(), files.sealed(), files.cacheDir());
        }

        SealVerifyInfo verifyInfo(byte[] seed, byte[] proofBytes) {
            return new SealVerifyInfo(proof, sector, commitments.commD(), commitments.commR(), ticket, seed, proofBytes);
        }
    }

    private SealFixture() {
    }

    static byte[] bytes32(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return b;
    }

    static List<CommD.Piece> pieces(byte[] data) {
        int half = data.length / 2;
        return List.of(piece(Arrays.copyOfRange(data, 0, half)), piece(Arrays.copyOfRange(data, half, data.length)));
    }

    private static CommD.Piece piece(byte[] padded) {
        return new CommD.Piece(padded.length, Kernels.java().merkleRoot(ByteBuffer.wrap(padded)));
    }

    static Sealed seal(SealProofs seal, RegisteredSealProof proof, Path root, long number, long dataSeed)
            throws IOException {
        SectorRef sector = new SectorRef(MINER, number);
        SectorFiles files = SectorFiles.in(root, sector).createDirectories();
        byte[] data = TreeFixtures.fieldNodes(proof.sectorSize(), dataSeed);
        Files.write(files.unsealed(), data);
        byte[] ticket = bytes32(dataSeed + 1);
        PreCommit1Output pc1 = seal.preCommit1(proof, files, sector, ticket, pieces(data));
        SealCommitments comms = seal.preCommit2(pc1, files);
        return new Sealed(proof, sector, files, ticket, data, comms, pc1);
    }

    static void flipBit(Path file, long bit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (bit / 8)] ^= (byte) (1 << (bit % 8));
        Files.write(file, bytes);
    }
}

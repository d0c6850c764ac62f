package dev.granary.proofs.vanilla;

import java.util.ArrayList;
import java.util.List;

/**
 * The proof of one WindowPoSt partition (or of a WinningPoSt): the vanilla proofs of its sectors,
 * in the order of the sector list the verifier holds.
 *
 * <p>Serialised (format version 1, little-endian): u8 version, u16 sector count, then per sector
 * a u32 length and that many bytes of {@link VanillaPoStProof#toBytes()}.
 */
public record PoStPartitionProof(List<VanillaPoStProof> sectorProofs) {

    public static final int FORMAT_VERSION = 1;
    private static final int MAX_SECTOR_PROOF_BYTES = 1 << 20;

    public PoStPartitionProof {
        if (sectorProofs.size() > 0xffff) {
            throw new IllegalArgumentException("too many sector proofs: " + sectorProofs.size());
        }
        sectorProofs = List.copyOf(sectorProofs);
    }

    public byte[] toBytes() {
        ProofWriter w = new ProofWriter().u8(FORMAT_VERSION).u16(sectorProofs.size());
        for (VanillaPoStProof p : sectorProofs) {
            byte[] bytes = p.toBytes();
            w.u16(bytes.length & 0xffff).u16(bytes.length >>> 16).bytes(bytes);
        }
        return w.toByteArray();
    }

    public static PoStPartitionProof fromBytes(byte[] bytes) {
        ProofReader r = new ProofReader(bytes);
        r.expectVersion(FORMAT_VERSION, "PoSt partition proof");
        int count = r.u16("sector proof count");
        List<VanillaPoStProof> proofs = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            int length = r.u16("sector proof length") | (r.u16("sector proof length") << 16);
            if (length < 0 || length > MAX_SECTOR_PROOF_BYTES) {
                throw new MalformedProofException("sector proof " + i + " claims " + (length & 0xffffffffL) + " bytes");
            }
            proofs.add(VanillaPoStProof.fromBytes(r.bytes(length, "sector proof " + i)));
        }
        r.expectEnd("PoSt partition proof");
        return new PoStPartitionProof(proofs);
    }
}

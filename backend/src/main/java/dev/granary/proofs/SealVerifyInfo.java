package dev.granary.proofs;

import dev.granary.multiformats.Cid;
import dev.granary.proofs.sector.SectorRef;

/** What VerifySeal needs, as filecoin-ffi's SealVerifyInfo carries it. */
public record SealVerifyInfo(RegisteredSealProof proof, SectorRef sector, Cid commD, Cid commR, byte[] ticket,
        byte[] seed, byte[] proofBytes) {

    public SealVerifyInfo {
        ticket = ticket.clone();
        seed = seed.clone();
        proofBytes = proofBytes.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public byte[] proofBytes() {
        return proofBytes.clone();
    }
}

package dev.granary.proofs.sector;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;

/**
 * CommD and CommR as Lotus carries them: CIDv1 with codec fil-commitment-unsealed (0xf101) or
 * fil-commitment-sealed (0xf102) and multihash sha2-256-trunc254-padded (0x1012) over the 32-byte
 * root. Lotus' sealed CIDs use poseidon-bls12_381-a2-fc1 (0xb401); ours name the sha256-trunc254
 * comm_r this node computes.
 */
public final class CommitmentCids {

    private CommitmentCids() {
    }

    public static Cid unsealed(byte[] commD) {
        return cid(Multicodec.FIL_COMMITMENT_UNSEALED, commD);
    }

    public static Cid sealed(byte[] commR) {
        return cid(Multicodec.FIL_COMMITMENT_SEALED, commR);
    }

    /** The 32-byte CommD inside an unsealed-commitment CID. */
    public static byte[] commD(Cid cid) {
        return digest(cid, Multicodec.FIL_COMMITMENT_UNSEALED, "comm_d");
    }

    /** The 32-byte CommR inside a sealed-commitment CID. */
    public static byte[] commR(Cid cid) {
        return digest(cid, Multicodec.FIL_COMMITMENT_SEALED, "comm_r");
    }

    private static Cid cid(Multicodec codec, byte[] root) {
        if (root.length != 32 || (root[31] & 0xc0) != 0) {
            throw new InvalidCommitmentException("a commitment is a 32-byte field element (top two bits clear)");
        }
        return Cid.v1(codec, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, root));
    }

    private static byte[] digest(Cid cid, Multicodec codec, String what) {
        if (cid == null || cid.version() != Cid.VERSION_1 || cid.codec() != codec.code()) {
            throw new InvalidCommitmentException(what + " must be a CIDv1 with codec " + codec.name().toLowerCase()
                    + " (0x" + Long.toHexString(codec.code()) + "), got " + cid);
        }
        Multihash mh = cid.multihash();
        byte[] digest = mh.digest();
        if (mh.code() != Multicodec.SHA2_256_TRUNC254_PADDED.code() || digest.length != 32 || (digest[31] & 0xc0) != 0) {
            throw new InvalidCommitmentException(what + " must carry a 32-byte sha2-256-trunc254-padded (0x1012) "
                    + "field element, got " + cid);
        }
        return digest;
    }

    /** A commitment CID of the wrong codec, hash function or length. */
    public static final class InvalidCommitmentException extends IllegalArgumentException {
        public InvalidCommitmentException(String reason) {
            super("invalid commitment: " + reason);
        }
    }
}

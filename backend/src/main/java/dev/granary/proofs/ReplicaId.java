package dev.granary.proofs;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The replica_id of a sector, as rust-fil-proofs' generate_replica_id derives it:
 * sha256(prover_id || sector_id u64 BE || ticket || comm_d || porep_seed) with the top two bits of
 * the last byte cleared (so it is a BLS12-381 field element). porep_seed is the porep_id.
 */
public final class ReplicaId {

    private static final int FIELD_BYTES = 32;

    private ReplicaId() {
    }

    public static byte[] of(byte[] proverId, long sectorId, byte[] ticket, byte[] commD, byte[] porepId) {
        require(proverId, "prover_id");
        require(ticket, "ticket");
        require(commD, "comm_d");
        require(porepId, "porep_id");
        MessageDigest sha = sha256();
        sha.update(proverId);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sectorId).array());
        sha.update(ticket);
        sha.update(commD);
        byte[] id = sha.digest(porepId);
        id[FIELD_BYTES - 1] &= 0x3f;
        return id;
    }

    /** The prover_id of an actor id (f0...): the id as unsigned LEB128, zero-padded to 32 bytes. */
    public static byte[] proverId(long actorId) {
        byte[] id = new byte[FIELD_BYTES];
        long v = actorId;
        int i = 0;
        do {
            byte b = (byte) (v & 0x7f);
            v >>>= 7;
            id[i++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return id;
    }

    private static void require(byte[] value, String name) {
        if (value == null || value.length != FIELD_BYTES) {
            throw new IllegalArgumentException(name + " must be " + FIELD_BYTES + " bytes, got "
                    + (value == null ? "none" : value.length));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

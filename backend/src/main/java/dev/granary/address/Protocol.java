package dev.granary.address;

/** The address protocols: the first byte of an address and the digit after its network letter. */
public enum Protocol {

    /** An actor ID, assigned by the init actor: payload is an unsigned varint. */
    ID(0),
    /** An account keyed by a secp256k1 public key: payload is blake2b-160 of the 65-byte key. */
    SECP256K1(1),
    /** An actor created by another: payload is blake2b-160 of data the creator chose. */
    ACTOR(2),
    /** An account keyed by a BLS12-381 public key: payload is the 48-byte compressed key. */
    BLS(3),
    /** An address in an address manager's namespace (e.g. the EAM, f410): varint namespace + subaddress. */
    DELEGATED(4);

    private final int code;

    Protocol(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static Protocol byCode(int code) {
        if (code >= 0 && code < values().length) {
            return values()[code];
        }
        throw new AddressException(AddressException.Reason.UNKNOWN_PROTOCOL, "unknown address protocol " + code
                + " (known: 0 ID, 1 secp256k1, 2 actor, 3 BLS, 4 delegated)");
    }
}

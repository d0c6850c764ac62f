package dev.granary.crypto;

/** Filecoin signature types (go-state-types crypto.SigType): the first byte of a serialized signature. */
public enum SignatureType {

    SECP256K1(1),
    BLS(2),
    /** Ethereum-style signatures for f4 (delegated) accounts: recognised in data, never produced or verified. */
    DELEGATED(3);

    private final int code;

    SignatureType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SignatureType byCode(int code) {
        for (SignatureType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new CryptoFormatException("unknown signature type " + code + " (known: 1 secp256k1, 2 BLS, 3 delegated)");
    }
}

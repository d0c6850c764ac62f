package dev.granary.crypto;

import java.util.Optional;

/** The kinds of wallet key, named as Lotus' KeyInfo.Type names them. */
public enum KeyType {

    SECP256K1("secp256k1", SignatureType.SECP256K1),
    BLS("bls", SignatureType.BLS);

    private final String lotusName;
    private final SignatureType signatureType;

    KeyType(String lotusName, SignatureType signatureType) {
        this.lotusName = lotusName;
        this.signatureType = signatureType;
    }

    public String lotusName() {
        return lotusName;
    }

    public SignatureType signatureType() {
        return signatureType;
    }

    public static Optional<KeyType> byLotusName(String name) {
        for (KeyType type : values()) {
            if (type.lotusName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

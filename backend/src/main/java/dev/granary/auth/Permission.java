package dev.granary.auth;

/**
 * What a route or view requires. READ, WRITE, SIGN and ADMIN are Lotus' permissions, so Lotus-style
 * tokens map onto them; PUBLIC is for what load balancers and monitors must reach without a token
 * (health, the API description).
 */
public enum Permission {
    PUBLIC,
    READ,
    WRITE,
    SIGN,
    ADMIN;

    /** The Lotus name: "read", "write", "sign", "admin". */
    public String lotusName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a Lotus permission name; PUBLIC is not one (a token cannot grant it). */
    public static Permission fromLotus(String name) {
        for (Permission p : values()) {
            if (p != PUBLIC && p.lotusName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("permission '" + name + "' must be one of read, write, sign, admin");
    }
}

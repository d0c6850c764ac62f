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
    ADMIN
}

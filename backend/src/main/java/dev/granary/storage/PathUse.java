package dev.granary.storage;

/** What new files are for, as Lotus' PathType: sealing scratch (CanSeal paths) or long-term storage (CanStore paths). */
public enum PathUse {
    SEAL, STORE;

    public static PathUse parse(String text) {
        if ("seal".equalsIgnoreCase(text == null ? "" : text.strip()) || "sealing".equalsIgnoreCase(text)) {
            return SEAL;
        }
        if ("store".equalsIgnoreCase(text == null ? "" : text.strip()) || "storage".equalsIgnoreCase(text)) {
            return STORE;
        }
        throw new IllegalArgumentException("use '" + text + "' must be seal or store");
    }
}

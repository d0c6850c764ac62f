package dev.granary.cbor;

/** The kinds of data item dag-cbor has; tag 42 (a CID) is a kind of its own. */
public enum CborType {

    UNSIGNED_INTEGER("an unsigned integer"),
    NEGATIVE_INTEGER("a negative integer"),
    BYTE_STRING("a byte string"),
    TEXT_STRING("a text string"),
    ARRAY("an array"),
    MAP("a map"),
    CID("a CID (tag 42)"),
    BOOLEAN("a boolean"),
    NULL("null"),
    FLOAT("a float");

    private final String description;

    CborType(String description) {
        this.description = description;
    }

    /** "a byte string", for error messages. */
    public String description() {
        return description;
    }
}

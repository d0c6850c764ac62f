package dev.granary.lotusjson;

/** Lotus-style JSON that does not describe a valid value; the message names the field. */
public final class LotusJsonException extends IllegalArgumentException {
    public LotusJsonException(String message) {
        super(message);
    }
}

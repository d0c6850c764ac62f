package dev.granary.chain.amt;

/**
 * An AMT cannot be read or built as asked: a block is malformed, breaks the go-amt-ipld v2 shape,
 * or (as {@link AmtBlockMissingException}) is not in the source. The message names the block.
 */
public class AmtException extends RuntimeException {

    public AmtException(String message) {
        super(message);
    }

    public AmtException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.granary.kernels.fr;

/**
 * An input element was not below the field order r, so it is not a node rust-fil-proofs would
 * accept. The index counts elements from the start of the buffer that was passed in.
 */
public final class NotAFieldElementException extends IllegalArgumentException {

    private final long elementIndex;

    public NotAFieldElementException(long elementIndex) {
        super("element " + elementIndex + " (byte offset " + elementIndex * FieldKernels.ELEMENT_SIZE
                + ") is not below the BLS12-381 scalar field order r");
        this.elementIndex = elementIndex;
    }

    public long elementIndex() {
        return elementIndex;
    }
}

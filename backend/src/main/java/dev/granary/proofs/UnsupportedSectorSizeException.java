package dev.granary.proofs;

/** A sector size that no registered seal proof has; the message lists the ones that exist. */
public final class UnsupportedSectorSizeException extends IllegalArgumentException {

    private final long sectorSize;

    public UnsupportedSectorSizeException(long sectorSize, String detail) {
        super("unsupported sector size " + sectorSize + " bytes" + (detail == null ? "" : " (" + detail + ")")
                + "; use one of " + RegisteredSealProof.supportedSizes());
        this.sectorSize = sectorSize;
    }

    public long sectorSize() {
        return sectorSize;
    }
}

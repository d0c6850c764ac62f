package dev.granary.proofs.sector;

/**
 * A sector as Lotus names it: the miner's actor id and the sector number, giving the file name
 * {@code s-t0<miner>-<number>} used under {@code unsealed/}, {@code sealed/} and {@code cache/}.
 */
public record SectorRef(long minerId, long number) {

    public SectorRef {
        if (minerId < 0 || number < 0) {
            throw new IllegalArgumentException("miner id and sector number are unsigned, got " + minerId + ", " + number);
        }
    }

    public String fileName() {
        return "s-t0" + minerId + "-" + number;
    }

    @Override
    public String toString() {
        return fileName();
    }
}

package dev.granary.fil;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** The units a FIL amount is written in, each a power of 1000 of attoFIL (10^-18 FIL). */
public enum FilUnit {

    FIL(18, "FIL", "fil"),
    MILLI_FIL(15, "milliFIL", "mfil"),
    MICRO_FIL(12, "microFIL", "μfil", "µfil", "ufil"),
    NANO_FIL(9, "nanoFIL", "nfil"),
    PICO_FIL(6, "picoFIL", "pfil"),
    FEMTO_FIL(3, "femtoFIL", "ffil"),
    ATTO_FIL(0, "attoFIL", "afil");

    /** For error messages: every unit a user may write. */
    public static final String NAMES = "FIL, milliFIL, microFIL, nanoFIL, picoFIL, femtoFIL, attoFIL";

    private final int decimals;
    private final String label;
    private final String[] aliases;
    private final BigInteger attoPerUnit;

    FilUnit(int decimals, String label, String... aliases) {
        this.decimals = decimals;
        this.label = label;
        this.aliases = aliases;
        this.attoPerUnit = BigInteger.TEN.pow(decimals);
    }

    /** How many decimal places an amount in this unit can have: 18 for FIL, 0 for attoFIL. */
    public int decimals() {
        return decimals;
    }

    public String label() {
        return label;
    }

    public BigInteger attoPerUnit() {
        return attoPerUnit;
    }

    /**
     * The unit with this name, ignoring case: the full names ("nanoFIL") and the short ones Lotus
     * prints ("nFIL", "aFIL", "μFIL"; also the micro sign "µFIL" and "uFIL").
     */
    public static Optional<FilUnit> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FilUnit unit : values()) {
            if (unit.label.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(unit);
            }
            for (String alias : unit.aliases) {
                if (alias.equals(lower)) {
                    return Optional.of(unit);
                }
            }
        }
        return Optional.empty();
    }
}

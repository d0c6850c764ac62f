package dev.granary.ui.chain;

import dev.granary.fil.FilUnit;
import dev.granary.fil.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * FIL amounts as a person reads them: in the largest unit that keeps a whole number in front
 * ("100 attoFIL", "1.25 nanoFIL", "2 FIL"), at most three decimals, with "≈" when that rounded.
 * The exact attoFIL value goes in the tooltip ({@link #exact}).
 */
public final class FilAmounts {

    static final int DECIMALS = 3;

    private FilAmounts() {}

    public static String readable(TokenAmount amount) {
        BigInteger atto = amount.attoFil();
        if (atto.signum() == 0) {
            return "0 FIL";
        }
        FilUnit unit = unitFor(atto.abs());
        BigDecimal exact = new BigDecimal(atto, unit.decimals());
        BigDecimal shown = exact.setScale(Math.min(DECIMALS, unit.decimals()), RoundingMode.HALF_UP);
        boolean rounded = shown.compareTo(exact) != 0;
        String number = shown.stripTrailingZeros().toPlainString();
        return (rounded ? "≈ " : "") + number + " " + unit.label();
    }

    public static String exact(TokenAmount amount) {
        return amount.format(FilUnit.ATTO_FIL);
    }

    private static FilUnit unitFor(BigInteger magnitude) {
        for (FilUnit unit : FilUnit.values()) {
            if (magnitude.compareTo(unit.attoPerUnit()) >= 0) {
                return unit;
            }
        }
        return FilUnit.ATTO_FIL;
    }
}

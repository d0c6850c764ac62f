package dev.granary.fil;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of FIL, held exactly in attoFIL (10^-18 FIL), as Filecoin's {@code abi.TokenAmount}.
 * Text follows Lotus' {@code types.FIL}: "1.5 FIL", "0 FIL", trailing zeros trimmed. On the wire it
 * is a {@link BigInt}.
 */
public final class TokenAmount implements Comparable<TokenAmount> {

    public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

    /** Longer text is not an amount anyone means; checked before any number is built from it. */
    private static final int MAX_TEXT_LENGTH = 100;

    private final BigInteger atto;

    private TokenAmount(BigInteger atto) {
        this.atto = atto;
    }

    public static TokenAmount ofAtto(BigInteger atto) {
        return new TokenAmount(BigInt.of(atto).value());
    }

    public static TokenAmount ofAtto(long atto) {
        return ofAtto(BigInteger.valueOf(atto));
    }

    public static TokenAmount ofFil(long fil) {
        return ofAtto(BigInteger.valueOf(fil).multiply(FilUnit.FIL.attoPerUnit()));
    }

    public static TokenAmount of(BigInt value) {
        return new TokenAmount(value.value());
    }

    /** Decodes the wire form (canonical {@link BigInt} bytes). */
    public static TokenAmount fromBytes(byte[] bytes) {
        return of(BigInt.fromBytes(bytes));
    }

    /**
     * Parses a non-negative amount as an operator writes it: "1.5 FIL", "1.5FIL", "250 nanoFIL",
     * "1 attoFIL", "0.000000000000000001 FIL", or a plain number meaning FIL. Units ignore case.
     */
    public static TokenAmount parse(String text) {
        return AmountText.parse(text, false);
    }

    /** As {@link #parse}, but a leading '-' is allowed (for differences, not balances or values sent). */
    public static TokenAmount parseSigned(String text) {
        return AmountText.parse(text, true);
    }

    public BigInteger attoFil() {
        return atto;
    }

    public BigInt toBigInt() {
        return BigInt.of(atto);
    }

    public byte[] bytes() {
        return toBigInt().bytes();
    }

    public int signum() {
        return atto.signum();
    }

    public boolean isNegative() {
        return atto.signum() < 0;
    }

    public boolean isZero() {
        return atto.signum() == 0;
    }

    public TokenAmount add(TokenAmount other) {
        return ofAtto(atto.add(other.atto));
    }

    public TokenAmount subtract(TokenAmount other) {
        return ofAtto(atto.subtract(other.atto));
    }

    public TokenAmount multiply(long factor) {
        return ofAtto(atto.multiply(BigInteger.valueOf(factor)));
    }

    /** The number of FIL without a unit, as Lotus' {@code FIL.Unitless()}: "1.5", "0", "-0.25". */
    public String unitless() {
        return inUnit(FilUnit.FIL);
    }

    /** The amount in the given unit, exact, trailing zeros trimmed: "250 nanoFIL". */
    public String format(FilUnit unit) {
        return inUnit(unit) + " " + unit.label();
    }

    private String inUnit(FilUnit unit) {
        if (atto.signum() == 0) {
            return "0";
        }
        return new BigDecimal(atto, unit.decimals()).stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(TokenAmount other) {
        return atto.compareTo(other.atto);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenAmount t && t.atto.equals(atto);
    }

    @Override
    public int hashCode() {
        return atto.hashCode();
    }

    /** As Lotus' {@code types.FIL.String()}: "1.5 FIL", "0 FIL". */
    @Override
    public String toString() {
        return format(FilUnit.FIL);
    }

    /** The text grammar: [-]digits[.digits][ ]*[unit]. */
    private static final class AmountText {

        static TokenAmount parse(String text, boolean signed) {
            if (text == null || text.isBlank()) {
                throw new FilFormatException("empty amount; write a number and a unit such as \"1.5 FIL\"");
            }
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new FilFormatException("amount text of " + text.length() + " characters is too long (at most "
                        + MAX_TEXT_LENGTH + ")");
            }
            String s = text.strip();
            int i = 0;
            boolean negative = s.charAt(0) == '-';
            if (negative) {
                if (!signed) {
                    throw new FilFormatException("'" + text + "': negative amounts are not allowed here");
                }
                i++;
            }
            int intStart = i;
            i = skipDigits(s, i);
            String whole = s.substring(intStart, i);
            String fraction = "";
            if (i < s.length() && s.charAt(i) == '.') {
                int fracStart = ++i;
                i = skipDigits(s, i);
                fraction = s.substring(fracStart, i);
                if (whole.isEmpty() || fraction.isEmpty()) {
                    throw new FilFormatException("'" + text + "' is not an amount: write digits on both sides of"
                            + " the decimal point, e.g. \"0.5 FIL\"");
                }
            }
            if (whole.isEmpty()) {
                throw new FilFormatException("'" + text + "' is not an amount: expected a number such as \"1.5\""
                        + " followed by an optional unit (" + FilUnit.NAMES + ")");
            }
            String unitText = s.substring(i).strip();
            FilUnit unit = unitText.isEmpty() ? FilUnit.FIL : FilUnit.byName(unitText).orElseThrow(
                    () -> new FilFormatException("'" + text + "': unknown unit '" + unitText + "' (use "
                            + FilUnit.NAMES + ")"));
            // Trailing zeros say nothing about the value; only significant decimals must fit the unit.
            String significant = stripTrailingZeros(fraction);
            if (significant.length() > unit.decimals()) {
                throw new FilFormatException("'" + text + "' has " + significant.length() + " decimal places but "
                        + unit.label() + " allows " + (unit.decimals() == 0 ? "none" : "at most " + unit.decimals())
                        + "; 1 attoFIL is the smallest amount");
            }
            BigInteger atto = new BigInteger(whole + significant)
                    .multiply(BigInteger.TEN.pow(unit.decimals() - significant.length()));
            return ofAtto(negative ? atto.negate() : atto);
        }

        private static int skipDigits(String s, int i) {
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            return i;
        }

        private static String stripTrailingZeros(String digits) {
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return digits.substring(0, end);
        }
    }
}

package dev.granary.fil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenAmountTest {

    private static final BigInteger ONE_FIL = BigInteger.TEN.pow(18);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5 FIL                  | 1500000000000000000",
        "1.5FIL                   | 1500000000000000000",
        "1.5                      | 1500000000000000000",
        "  2 fil                  | 2000000000000000000",
        "250 nanoFIL              | 250000000000",
        "250 NANOFIL              | 250000000000",
        "250 nFIL                 | 250000000000",
        "1 attoFIL                | 1",
        "1 afil                   | 1",
        "0.000000000000000001 FIL | 1",
        "0.0000000000000000010    | 1",
        "3 milliFIL               | 3000000000000000",
        "3 microFIL               | 3000000000000",
        "3 μFIL                   | 3000000000000",
        "3 µFIL                   | 3000000000000",
        "3 picoFIL                | 3000000",
        "3.5 femtoFIL             | 3500",
        "7.000 attoFIL            | 7",
        "0                        | 0",
        "007 FIL                  | 7000000000000000000",
    })
    void parses(String text, String atto) {
        assertEquals(new BigInteger(atto), TokenAmount.parse(text).attoFil());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1500000000000000000  | 1.5 FIL",
        "0                    | 0 FIL",
        "1                    | 0.000000000000000001 FIL",
        "1000000000000000000  | 1 FIL",
        "-250000000000000000  | -0.25 FIL",
        "123456000000000000000000 | 123456 FIL",
    })
    void formatsLikeLotus(String atto, String text) {
        assertEquals(text, TokenAmount.ofAtto(new BigInteger(atto)).toString());
    }

    @Test
    void formatsInAnyUnit() {
        assertEquals("250 nanoFIL", TokenAmount.parse("250 nanoFIL").format(FilUnit.NANO_FIL));
        assertEquals("0.00025 milliFIL", TokenAmount.parse("250 nanoFIL").format(FilUnit.MILLI_FIL));
        assertEquals("1000 attoFIL", TokenAmount.ofAtto(1000).format(FilUnit.ATTO_FIL));
        assertEquals("0 picoFIL", TokenAmount.ZERO.format(FilUnit.PICO_FIL));
        assertEquals("1.5", TokenAmount.parse("1.5").unitless());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5 attoFIL                 | allows none",
        "0.0000000000000000001 FIL   | 19 decimal places but FIL allows at most 18",
        "1.0001 femtoFIL             | at most 3",
        "-1 FIL                      | negative amounts are not allowed",
        "abc                         | expected a number",
        "1.5 FILL                    | unknown unit 'FILL'",
        "1.5 kFIL                    | unknown unit",
        "1,5 FIL                     | unknown unit ',5 FIL'",
        ".5 FIL                      | both sides of the decimal point",
        "5. FIL                      | both sides of the decimal point",
        "1e18 attoFIL                | unknown unit 'e18 attoFIL'",
        "+1 FIL                      | expected a number",
        "FIL                         | expected a number",
        "1.5 FIL extra               | unknown unit",
        "١ FIL                       | expected a number",
    })
    void rejectsWithAClearMessage(String text, String messagePart) {
        FilFormatException e = assertThrows(FilFormatException.class, () -> TokenAmount.parse(text));
        assertTrue(e.getMessage().contains(messagePart), () -> "'" + e.getMessage() + "' lacks '" + messagePart + "'");
    }

    @Test
    void rejectsEmptyAndOverlongText() {
        assertTrue(assertThrows(FilFormatException.class, () -> TokenAmount.parse("  ")).getMessage().contains("empty"));
        assertThrows(FilFormatException.class, () -> TokenAmount.parse(null));
        assertThrows(FilFormatException.class, () -> TokenAmount.parse("1".repeat(101)));
    }

    @Test
    void signedParsingAllowsNegatives() {
        assertEquals(TokenAmount.ofAtto(ONE_FIL.negate().multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO)),
                TokenAmount.parseSigned("-1.5 FIL"));
        assertTrue(TokenAmount.parseSigned("-1 attoFIL").isNegative());
        assertThrows(FilFormatException.class, () -> TokenAmount.parseSigned("--1"));
    }

    @Test
    void randomAmountsRoundTripThroughTextInEveryUnitAndBytes() {
        Random random = new Random(4_0201);
        for (int i = 0; i < 3_000; i++) {
            BigInteger atto = new BigInteger(1 + random.nextInt(120), random);
            if (random.nextInt(4) == 0) {
                atto = atto.negate();
            }
            TokenAmount amount = TokenAmount.ofAtto(atto);
            assertEquals(amount, TokenAmount.parseSigned(amount.toString()));
            assertEquals(amount, TokenAmount.parseSigned(amount.unitless()));
            for (FilUnit unit : FilUnit.values()) {
                assertEquals(amount, TokenAmount.parseSigned(amount.format(unit)), amount.format(unit));
            }
            assertEquals(amount, TokenAmount.fromBytes(amount.bytes()));
            assertArrayEquals(BigInt.of(atto).bytes(), amount.bytes());
        }
    }

    @Test
    void arithmetic() {
        TokenAmount one = TokenAmount.ofFil(1);
        assertEquals(TokenAmount.parse("1.000000000000000001"), one.add(TokenAmount.ofAtto(1)));
        assertEquals(TokenAmount.parseSigned("-0.5"), TokenAmount.parse("0.5").subtract(one));
        assertEquals(TokenAmount.parse("3 FIL"), one.multiply(3));
        assertTrue(TokenAmount.ZERO.isZero());
        assertTrue(one.compareTo(TokenAmount.ofAtto(1)) > 0);
        assertEquals(ONE_FIL, one.attoFil());
        assertEquals(BigInt.of(ONE_FIL), one.toBigInt());
    }
}

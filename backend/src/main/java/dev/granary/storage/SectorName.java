package dev.granary.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sector as its files are named: {@code s-t0<miner>-<number>} (Lotus' storiface.SectorName; the
 * "t0" is fixed whatever the network). Parsing is strict so a stray file in a sector directory is
 * reported rather than mistaken for a sector.
 */
public record SectorName(long miner, long number) {

    private static final Pattern NAME = Pattern.compile("s-t0(0|[1-9][0-9]{0,18})-(0|[1-9][0-9]{0,18})");
    private static final Pattern ACTOR = Pattern.compile("[ft]0(0|[1-9][0-9]{0,18})");

    public SectorName {
        if (miner < 0 || number < 0) {
            throw new IllegalArgumentException("miner id and sector number are unsigned, got " + miner + ", " + number);
        }
    }

    public static SectorName parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a sector name like s-t01000-3");
        }
        try {
            return new SectorName(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' has a number out of range");
        }
    }

    /** "1000", "f01000" or "t01000" → 1000. */
    public static long parseMiner(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = ACTOR.matcher(t);
        String digits = m.matches() ? m.group(1) : t;
        try {
            long id = Long.parseLong(digits);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("miner '" + text + "' must be an actor id like f01000 or 1000");
    }

    public static long parseNumber(String text) {
        try {
            long n = Long.parseLong(text == null ? "" : text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("sector number '" + text + "' must be a whole number from 0");
    }

    public String fileName() {
        return "s-t0" + miner + "-" + number;
    }

    @Override
    public String toString() {
        return fileName();
    }
}

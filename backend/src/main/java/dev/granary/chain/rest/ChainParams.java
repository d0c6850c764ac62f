package dev.granary.chain.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRequests;
import dev.granary.chain.rand.DomainSeparationTag;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import dev.granary.units.Durations;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Path and query parameters of the chain routes, each refused with a 400 naming the parameter and its form. */
final class ChainParams {

    private ChainParams() {}

    static Cid cid(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Cid.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("path parameter " + name + " '" + clip(text) + "' is not a CID (e.g. bafy2bzace...): "
                + e.getMessage());
        }
    }

    static Address address(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("path parameter " + name + " '" + clip(text)
                + "' is not a Filecoin address (e.g. f01234, f1...): " + e.getMessage());
        }
    }

    /** A non-negative epoch from the path. */
    static long height(Context ctx, String name) {
        return nonNegative(ctx.pathParam(name), "path parameter " + name);
    }

    static Optional<Long> optionalLong(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(nonNegative(text, "query parameter " + name));
    }

    /** An integer query parameter within [min, max], or {@code fallback} when absent. */
    static int boundedInt(Context ctx, String name, int fallback, int min, int max) {
        Optional<Long> value = optionalLong(ctx, name);
        if (value.isEmpty()) {
            return fallback;
        }
        long v = value.get();
        if (v < min || v > max) {
            throw ApiRequests.invalid("query parameter " + name + " must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    static Duration duration(Context ctx, String name, Duration fallback, Duration max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("query parameter " + name + ": " + e.getMessage());
        }
        if (d.isZero() || d.compareTo(max) > 0) {
            throw ApiRequests.invalid("query parameter " + name + " must be more than 0s and at most "
                + Durations.format(max) + ", got " + text + "; call again to keep waiting");
        }
        return d;
    }

    static Optional<TokenAmount> attoFil(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.matches("\\d{1,80}")) {
            throw ApiRequests.invalid("query parameter " + name + " must be attoFIL as a decimal number, got '"
                + clip(text) + "'");
        }
        return Optional.of(TokenAmount.ofAtto(new BigInteger(text)));
    }

    static byte[] base64(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return new byte[0];
        }
        try {
            // '+' arrives as a space when the caller did not percent-encode it.
            return Base64.getDecoder().decode(text.replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException again) {
                throw ApiRequests.invalid("query parameter " + name + " is not base64 (standard or URL-safe)");
            }
        }
    }

    /**
     * A domain-separation tag by its number (5) or its Go name in any spelling: "SealRandomness",
     * "seal-randomness", "SEAL_RANDOMNESS".
     */
    static DomainSeparationTag tag(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw ApiRequests.invalid("query parameter " + name + " is required: one of " + tagNames());
        }
        String wanted = squash(text);
        for (DomainSeparationTag tag : DomainSeparationTag.values()) {
            if (squash(tag.name()).equals(wanted) || Long.toString(tag.value()).equals(text.strip())) {
                return tag;
            }
        }
        throw ApiRequests.invalid("query parameter " + name + " '" + clip(text) + "' is not a domain-separation tag; use"
            + " one of " + tagNames() + " or its number");
    }

    /** A required signed epoch (randomness may be drawn for any epoch up to the head's). */
    static long epoch(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw ApiRequests.invalid("query parameter " + name + " is required (an epoch)");
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiRequests.invalid("query parameter " + name + " must be an epoch (an integer), got '" + clip(text) + "'");
        }
    }

    private static long nonNegative(String text, String what) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiRequests.invalid(what + " must be a non-negative integer, got '" + clip(text) + "'");
    }

    private static String tagNames() {
        return Arrays.stream(DomainSeparationTag.values()).map(t -> goName(t.name())).collect(Collectors.joining(", "));
    }

    /** TICKET_PRODUCTION → TicketProduction, as go-state-types names the constant's suffix. */
    static String goName(String enumName) {
        return Arrays.stream(enumName.split("_"))
            .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)).collect(Collectors.joining());
    }

    private static String squash(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Echoed input stays short: a path can be long and is the caller's own. */
    static String clip(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}

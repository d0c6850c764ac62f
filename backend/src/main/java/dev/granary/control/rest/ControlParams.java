package dev.granary.control.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRequests;
import dev.granary.fil.TokenAmount;
import dev.granary.units.Durations;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Path parameters and JSON body fields of the control and watermark routes, refused with a 400 that names them. */
final class ControlParams {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private ControlParams() {
    }

    static Address pathAddress(Context ctx, String name) {
        return address(ctx.pathParam(name), "path parameter " + name);
    }

    static Address address(String text, String what) {
        try {
            return Address.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid(what + " '" + clip(text) + "' is not a Filecoin address (e.g. f01234, f1..., f3...): "
                + e.getMessage());
        }
    }

    /** The body as a JSON object with only {@code fields}; an empty body counts as {} when {@code optional}. */
    static JsonNode object(Context ctx, boolean optional, String... fields) {
        if (optional && ctx.body().isBlank()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        JsonNode body = ApiRequests.body(ctx, JsonNode.class);
        if (!body.isObject()) {
            throw ApiRequests.invalid("the request body must be a JSON object");
        }
        ApiRequests.onlyFields(body, fields);
        return body;
    }

    static Address requiredAddress(JsonNode body, String field) {
        return optionalAddress(body, field).orElseThrow(() -> ApiRequests.invalid("field " + field
            + " is required: an address such as f01234 or f3..."));
    }

    static Optional<Address> optionalAddress(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw ApiRequests.invalid("field " + field + " must be a string holding an address");
        }
        return Optional.of(address(v.asString(), "field " + field));
    }

    /** A list of addresses; absent is empty unless {@code required}. */
    static List<Address> addresses(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiRequests.invalid("field " + field + " is required: a list of addresses ([] for none)");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiRequests.invalid("field " + field + " must be a list of addresses");
        }
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isString()) {
                throw ApiRequests.invalid("field " + field + "[" + i + "] must be a string holding an address");
            }
            out.add(address(e.asString(), "field " + field + "[" + i + "]"));
        }
        return out;
    }

    static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiRequests.invalid("field " + field + " must be true or false");
        }
        return v.asBoolean();
    }

    static TokenAmount amount(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isString() || v.asString().isBlank()) {
            throw ApiRequests.invalid("field " + field + " is required: an amount such as \"1.5 FIL\"");
        }
        try {
            return TokenAmount.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("field " + field + " '" + clip(v.asString()) + "' is not an amount (e.g. \"1.5 FIL\","
                + " \"250 nanoFIL\"): " + e.getMessage());
        }
    }

    /** A non-blank string field; 400 naming {@code what} it should hold when absent. */
    static String requiredText(JsonNode body, String field, String what) {
        return optionalText(body, field).orElseThrow(() -> ApiRequests.invalid("field " + field + " is required: "
            + what));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw ApiRequests.invalid("field " + field + " must be a string");
        }
        return Optional.of(v.asString()).filter(s -> !s.isBlank());
    }

    /** An amount, or empty when absent or blank. */
    static Optional<TokenAmount> optionalAmount(JsonNode body, String field) {
        return optionalText(body, field).map(text -> amount(body, field));
    }

    /** {@code wait} and {@code timeout} of a sending route: empty when the caller does not want to wait. */
    static Optional<Duration> waitFor(JsonNode body) {
        if (!bool(body, "wait")) {
            return Optional.empty();
        }
        JsonNode v = body.get("timeout");
        if (v == null || v.isNull()) {
            return Optional.of(DEFAULT_WAIT);
        }
        Duration d;
        try {
            d = Durations.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("field timeout: " + e.getMessage());
        }
        if (d.isZero() || d.compareTo(MAX_WAIT) > 0) {
            throw ApiRequests.invalid("field timeout must be above zero and at most " + Durations.format(MAX_WAIT));
        }
        return Optional.of(d);
    }

    static String clip(String s) {
        return s == null ? "" : s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}

package dev.granary.wallet.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.ProblemException;
import dev.granary.api.ProblemType;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.audit.Page;
import dev.granary.auth.Permission;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.wallet.SignatureRecord;
import dev.granary.wallet.WalletEntry;
import dev.granary.wallet.WalletService;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** /api/v1/wallets: the wallet store (keys, balances, default, import/export, sign/verify, lock). */
public final class WalletRoutes implements RouteGroup {

    static final String TAG = "wallets";
    private static final int MAX_SIGN_BYTES = 1 << 20;

    private final WalletService wallets;

    public WalletRoutes(WalletService wallets) {
        this.wallets = wallets;
    }

    record CreateBody(String type, String label) {}

    record ImportBody(String format, String key, String label) {
        @Override
        public String toString() {
            return "ImportBody[format=" + format + ", key=redacted, label=" + label + "]";
        }
    }

    record LabelBody(String label) {}

    record ExportBody(String format) {}

    record SignBody(String data, String reason) {}

    record VerifyBody(String address, String data, JsonNode signature) {}

    record UnlockBody(String passphrase) {
        @Override
        public String toString() {
            return "UnlockBody[passphrase=redacted]";
        }
    }

    /** Static paths come before the {address} ones: Javalin takes the first route that matches. */
    @Override
    public List<ApiRoute> routes() {
        JsonSchema entry = WalletJson.entrySchema();
        return List.of(
            ApiRoute.get("/v1/wallets").permission(Permission.READ).tag(TAG)
                .summary("The wallet store: its lock state, the default address and every key with balance, nonce and market escrow")
                .response(200, "Lock state, default and keys (default first)", JsonSchema.object()
                    .prop("lockState", WalletJson.lockStateSchema())
                    .prop("default", JsonSchema.string().description("The default address; null when there is none"))
                    .prop("wallets", JsonSchema.array(entry)))
                .handler(this::list),
            ApiRoute.post("/v1/wallets").permission(Permission.SIGN).tag(TAG)
                .summary("Create a key (Lotus WalletNew): type secp256k1 (default) or bls; the store's first key becomes the default")
                .requestBody(JsonSchema.object().prop("type", JsonSchema.string().enumOf("secp256k1", "bls"))
                    .prop("label", JsonSchema.string()))
                .response(201, "The new key; Location is its URL", entry)
                .response(423, "The store is locked", JsonSchema.object())
                .handler(this::create),
            ApiRoute.get("/v1/wallets/lock-state").permission(Permission.READ).tag(TAG)
                .summary("Whether the store is new (no passphrase yet), locked or unlocked")
                .response(200, "The lock state", JsonSchema.object().prop("lockState", WalletJson.lockStateSchema()))
                .handler(ctx -> ctx.json(Map.of("lockState", WalletJson.lockState(wallets.lockState())))),
            ApiRoute.post("/v1/wallets/unlock").permission(Permission.ADMIN).tag(TAG)
                .summary("Unlock the store with its passphrase; on a new store this chooses the passphrase (at least 8 characters)."
                    + " A wrong passphrase is refused with 400")
                .requestBody(JsonSchema.object().prop("passphrase", JsonSchema.string(), true))
                .response(200, "Unlocked", JsonSchema.object().prop("lockState", WalletJson.lockStateSchema()))
                .handler(this::unlock),
            ApiRoute.post("/v1/wallets/lock").permission(Permission.ADMIN).tag(TAG)
                .summary("Lock the store: the node forgets the derived key; balances still show, signing answers 423")
                .response(200, "Locked", JsonSchema.object().prop("lockState", WalletJson.lockStateSchema()))
                .handler(this::lock),
            ApiRoute.post("/v1/wallets/import").permission(Permission.ADMIN).tag(TAG)
                .summary("Import a key exported by Lotus (`lotus wallet export`): format hex-lotus (default) or json-lotus")
                .requestBody(JsonSchema.object().prop("format", JsonSchema.string().enumOf("hex-lotus", "json-lotus"))
                    .prop("key", JsonSchema.string(), true).prop("label", JsonSchema.string()))
                .response(201, "The imported key", entry)
                .response(409, "The key is already in the store", JsonSchema.object())
                .handler(this::importKey),
            ApiRoute.post("/v1/wallets/verify").permission(Permission.READ).tag(TAG)
                .summary("Check a signature (Lotus WalletVerify): data as hex; signature as the hex `lotus wallet sign` prints,"
                    + " or Lotus JSON {Type, Data}")
                .requestBody(JsonSchema.object().prop("address", JsonSchema.string(), true)
                    .prop("data", JsonSchema.string(), true).prop("signature", JsonSchema.string(), true))
                .response(200, "Whether it is valid", JsonSchema.object().prop("valid", JsonSchema.bool()))
                .handler(this::verify),
            ApiRoute.get("/v1/wallets/signatures").permission(Permission.READ).tag(TAG)
                .summary("Every signature the node made, newest first: ?address= filters, ?limit= (default 100, at most 500),"
                    + " ?before= the nextCursor of the previous page")
                .response(200, "A page of the record", JsonSchema.object()
                    .prop("items", JsonSchema.array(JsonSchema.object().prop("id", JsonSchema.integer())
                        .prop("at", JsonSchema.string()).prop("address", JsonSchema.string())
                        .prop("messageCid", JsonSchema.string()).prop("reason", JsonSchema.string())
                        .prop("actor", JsonSchema.string())))
                    .prop("nextCursor", JsonSchema.string().description("Pass as ?before= for the next page; null at the end")))
                .handler(this::signatures),
            ApiRoute.get("/v1/wallets/{address}").permission(Permission.READ).tag(TAG)
                .summary("One key by its f1/f3 address or its f0 address")
                .response(200, "The key", entry)
                .handler(ctx -> ctx.json(WalletJson.entry(wallets.get(RestAccess.actor(ctx), address(ctx))))),
            ApiRoute.patch("/v1/wallets/{address}").permission(Permission.WRITE).tag(TAG)
                .summary("Change a key's label")
                .requestBody(JsonSchema.object().prop("label", JsonSchema.string(), true))
                .response(200, "The key", entry)
                .handler(this::label),
            ApiRoute.delete("/v1/wallets/{address}").permission(Permission.ADMIN).tag(TAG)
                .summary("Delete a key: ?confirm= must repeat the address. Refused (409) for the owner or worker of a miner")
                .response(204, "Deleted", JsonSchema.object())
                .handler(this::delete),
            ApiRoute.post("/v1/wallets/{address}/default").permission(Permission.SIGN).tag(TAG)
                .summary("Make this key the default address (Lotus WalletSetDefault)")
                .response(200, "The key", entry)
                .handler(this::setDefault),
            ApiRoute.post("/v1/wallets/{address}/export").permission(Permission.ADMIN).tag(TAG)
                .summary("Export a key (Lotus WalletExport) as hex-lotus (default) or json-lotus; audited, never cached")
                .requestBody(JsonSchema.object().prop("format", JsonSchema.string().enumOf("hex-lotus", "json-lotus")))
                .response(200, "The key text: treat it as the key itself", JsonSchema.object()
                    .prop("address", JsonSchema.string()).prop("format", JsonSchema.string()).prop("key", JsonSchema.string()))
                .handler(this::export),
            ApiRoute.post("/v1/wallets/{address}/sign").permission(Permission.SIGN).tag(TAG)
                .summary("Sign bytes (Lotus WalletSign): data as hex; recorded with the reason given")
                .requestBody(JsonSchema.object().prop("data", JsonSchema.string(), true).prop("reason", JsonSchema.string()))
                .response(200, "The signature", WalletJson.signatureSchema())
                .response(423, "The store is locked", JsonSchema.object())
                .handler(this::sign));
    }

    private void list(Context ctx) {
        List<WalletEntry> entries = wallets.list(RestAccess.actor(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lockState", WalletJson.lockState(wallets.lockState()));
        out.put("default", entries.stream().filter(WalletEntry::isDefault).findFirst()
            .map(e -> e.address().toString()).orElse(null));
        out.put("wallets", entries.stream().map(WalletJson::entry).toList());
        ctx.json(out);
    }

    private void create(Context ctx) {
        CreateBody body = ApiRequests.body(ctx, CreateBody.class);
        KeyType type = body.type() == null || body.type().isBlank() ? KeyType.SECP256K1
            : KeyType.byLotusName(body.type().strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                ApiRequests.invalid("type '" + clip(body.type()) + "' is not a key type: use secp256k1 or bls"));
        WalletEntry created = wallets.create(RestAccess.actor(ctx), type, body.label());
        ctx.header("Location", "/api/v1/wallets/" + created.address());
        ctx.status(201).json(WalletJson.entry(created));
    }

    private void unlock(Context ctx) {
        UnlockBody body = secretBody(ctx, UnlockBody.class, "{\"passphrase\": \"...\"}");
        if (body.passphrase() == null || body.passphrase().isEmpty()) {
            throw ApiRequests.invalid("unlocking the wallet store: send {\"passphrase\": \"...\"}");
        }
        wallets.unlock(RestAccess.actor(ctx), body.passphrase());
        ctx.json(Map.of("lockState", WalletJson.lockState(wallets.lockState())));
    }

    private void lock(Context ctx) {
        wallets.lock(RestAccess.actor(ctx));
        ctx.json(Map.of("lockState", WalletJson.lockState(wallets.lockState())));
    }

    private void importKey(Context ctx) {
        ImportBody body = secretBody(ctx, ImportBody.class, "{\"format\": \"hex-lotus\", \"key\": \"...\", \"label\": \"...\"}");
        if (body.key() == null || body.key().isBlank()) {
            throw ApiRequests.invalid("importing a key: send {\"format\": \"hex-lotus\", \"key\": \"<lotus wallet export output>\"}");
        }
        WalletEntry imported = wallets.importKey(RestAccess.actor(ctx), format(body.format()), body.key(), body.label());
        ctx.header("Location", "/api/v1/wallets/" + imported.address());
        ctx.status(201).json(WalletJson.entry(imported));
    }

    private void verify(Context ctx) {
        VerifyBody body = ApiRequests.body(ctx, VerifyBody.class);
        if (body.address() == null || body.data() == null || body.signature() == null || body.signature().isNull()) {
            throw ApiRequests.invalid("verifying: send {\"address\": \"f1...\", \"data\": \"<hex>\", \"signature\": \"<hex>\"}");
        }
        Address address = parseAddress(body.address(), "address");
        boolean valid = wallets.verify(address, hex(body.data(), "data"), signature(body.signature()));
        ctx.json(Map.of("valid", valid));
    }

    private void signatures(Context ctx) {
        Optional<Address> address = Optional.ofNullable(ctx.queryParam("address")).filter(s -> !s.isBlank())
            .map(s -> parseAddress(s, "address"));
        int limit = ApiRequests.limit(ctx, 100, 500);
        Page<SignatureRecord> page = wallets.signatures(RestAccess.actor(ctx), address, ctx.queryParam("before"), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(WalletJson::signatureRecord).toList());
        out.put("nextCursor", page.nextCursor());
        ctx.json(out);
    }

    private void label(Context ctx) {
        Address address = address(ctx);
        LabelBody body = ApiRequests.body(ctx, LabelBody.class);
        if (body.label() == null) {
            throw ApiRequests.invalid("labelling " + address + ": send {\"label\": \"...\"} (an empty label clears it)");
        }
        wallets.setLabel(RestAccess.actor(ctx), address, body.label());
        ctx.json(WalletJson.entry(wallets.get(RestAccess.actor(ctx), address)));
    }

    private void delete(Context ctx) {
        Address address = address(ctx);
        wallets.delete(RestAccess.actor(ctx), address, ctx.queryParam("confirm"));
        ctx.status(204);
    }

    private void setDefault(Context ctx) {
        Address address = address(ctx);
        wallets.setDefault(RestAccess.actor(ctx), address);
        ctx.json(WalletJson.entry(wallets.get(RestAccess.actor(ctx), address)));
    }

    private void export(Context ctx) {
        Address address = address(ctx);
        String text = ctx.body().isBlank() ? null : ApiRequests.body(ctx, ExportBody.class).format();
        KeyFormat format = format(text);
        String key = wallets.export(RestAccess.actor(ctx), address, format);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", wallets.get(RestAccess.actor(ctx), address).address().toString());
        out.put("format", format.formatName());
        out.put("key", key);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.json(out);
    }

    private void sign(Context ctx) {
        Address address = address(ctx);
        SignBody body = ApiRequests.body(ctx, SignBody.class);
        if (body.data() == null) {
            throw ApiRequests.invalid("signing with " + address + ": send {\"data\": \"<hex>\", \"reason\": \"...\"}");
        }
        byte[] data = hex(body.data(), "data");
        if (data.length > MAX_SIGN_BYTES) {
            throw ApiRequests.invalid("data to sign is " + data.length + " bytes; at most " + MAX_SIGN_BYTES);
        }
        String reason = body.reason() == null || body.reason().isBlank() ? "api sign" : body.reason();
        Signature signature = wallets.sign(RestAccess.actor(ctx), address, data, reason);
        ctx.json(WalletJson.signature(signature));
    }

    // --- parameters ---

    /**
     * Reads a body that holds a secret (a passphrase, a key). Errors never quote the body: a JSON parser's
     * message may echo part of it.
     */
    private static <T> T secretBody(Context ctx, Class<T> type, String expected) {
        try {
            return ApiRequests.body(ctx, type);
        } catch (ProblemException e) {
            if (e.problem().status() == ProblemType.MALFORMED_JSON.status()) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is not the JSON this route takes: "
                    + "send " + expected + " (the body is not quoted here because it holds a secret)");
            }
            throw e;
        }
    }

    private static Address address(Context ctx) {
        return parseAddress(ctx.pathParam("address"), "path parameter address");
    }

    private static Address parseAddress(String text, String what) {
        try {
            return Address.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid(what + " '" + clip(text) + "' is not a Filecoin address (e.g. f1..., f3..., f01234): "
                + e.getMessage());
        }
    }

    private static KeyFormat format(String name) {
        if (name == null || name.isBlank()) {
            return KeyFormat.HEX_LOTUS;
        }
        try {
            return KeyFormat.byName(name.strip());
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("format '" + clip(name) + "' is not a key format: use hex-lotus or json-lotus");
        }
    }

    private static byte[] hex(String text, String what) {
        String s = text.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid(what + " must be hex (an even number of 0-9a-f digits): " + e.getMessage());
        }
    }

    /** The hex form `lotus wallet sign` prints (type byte, then data), or Lotus JSON {Type, Data}. */
    private static Signature signature(JsonNode node) {
        try {
            if (node.isString()) {
                return Signature.fromBytes(hex(node.asString(), "signature"));
            }
            if (node.isObject() && node.has("Type") && node.has("Data")) {
                JsonNode type = node.get("Type");
                JsonNode data = node.get("Data");
                if (!type.isIntegralNumber() || !type.canConvertToInt() || !data.isString()) {
                    throw ApiRequests.invalid("signature {Type, Data}: Type must be a number (1 secp256k1, 2 BLS) and"
                        + " Data the signature as a base64 string");
                }
                return new Signature(SignatureType.byCode(type.asInt()), Base64.getDecoder().decode(data.asString()));
            }
        } catch (IllegalArgumentException e) {
            throw ApiRequests.invalid("signature is not one: " + e.getMessage());
        }
        throw ApiRequests.invalid("signature must be the hex `lotus wallet sign` prints, or {\"Type\": 1, \"Data\": \"<base64>\"}");
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

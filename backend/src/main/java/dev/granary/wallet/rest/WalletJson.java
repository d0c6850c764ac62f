package dev.granary.wallet.rest;

import dev.granary.address.Address;
import dev.granary.api.JsonSchema;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.crypto.Signature;
import dev.granary.fil.TokenAmount;
import dev.granary.wallet.LockState;
import dev.granary.wallet.SignatureRecord;
import dev.granary.wallet.WalletEntry;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of the wallet routes (camelCase, as Granary's own answers). Amounts come twice: as Lotus
 * writes FIL ("1.5 FIL", what `lotus wallet list` prints) and as an exact attoFIL integer string.
 * Signatures come as Lotus' JSON ({Type, Data base64}) plus the hex `lotus wallet sign` prints.
 */
final class WalletJson {

    private WalletJson() {}

    static String lockState(LockState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> entry(WalletEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", e.address().toString());
        out.put("idAddress", e.idAddress().map(Address::toString).orElse(null));
        out.put("type", e.type().lotusName());
        out.put("label", e.label());
        out.put("default", e.isDefault());
        amount(out, "balance", e.balance());
        out.put("nonce", e.nonce());
        out.put("market", market(e.market()));
        out.put("createdAt", e.createdAt().toString());
        return out;
    }

    static Map<String, Object> market(MarketBalance m) {
        Map<String, Object> out = new LinkedHashMap<>();
        amount(out, "escrow", m.escrow());
        amount(out, "locked", m.locked());
        amount(out, "available", m.available());
        return out;
    }

    private static void amount(Map<String, Object> out, String name, TokenAmount amount) {
        out.put(name, amount.toString());
        out.put(name + "AttoFil", amount.attoFil().toString());
    }

    static Map<String, Object> signature(Signature s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", s.type().code());
        out.put("Data", Base64.getEncoder().encodeToString(s.data()));
        out.put("lotusHex", HexFormat.of().formatHex(s.bytes()));
        return out;
    }

    static Map<String, Object> signatureRecord(SignatureRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("at", r.at().toString());
        out.put("address", r.address().toString());
        out.put("messageCid", r.messageCid().orElse(null));
        out.put("reason", r.reason());
        out.put("actor", r.actor());
        return out;
    }

    // --- OpenAPI schemas ---

    static JsonSchema amountProps(JsonSchema o, String name, String what) {
        return o.prop(name, JsonSchema.string().description(what + " in FIL, as Lotus prints it").example("1.5 FIL"))
            .prop(name + "AttoFil", JsonSchema.string().description(what + " in attoFIL (exact integer)"));
    }

    static JsonSchema entrySchema() {
        JsonSchema market = JsonSchema.object();
        amountProps(market, "escrow", "Storage-market escrow");
        amountProps(market, "locked", "Escrow locked by deals");
        amountProps(market, "available", "Escrow minus locked");
        JsonSchema o = JsonSchema.object()
            .prop("address", JsonSchema.string().description("The key address (f1 secp256k1, f3 BLS)"))
            .prop("idAddress", JsonSchema.string().description("The f0 address once the account exists on chain; null before"))
            .prop("type", JsonSchema.string().enumOf("secp256k1", "bls"))
            .prop("label", JsonSchema.string())
            .prop("default", JsonSchema.bool());
        amountProps(o, "balance", "Balance at the head");
        return o.prop("nonce", JsonSchema.integer().description("Next nonce, counting pending messages"))
            .prop("market", market)
            .prop("createdAt", JsonSchema.string().format("date-time"));
    }

    static JsonSchema lockStateSchema() {
        return JsonSchema.string().enumOf("new", "locked", "unlocked")
            .description("new: no passphrase chosen yet (the first unlock sets it); locked: balances only; unlocked: can sign");
    }

    static JsonSchema signatureSchema() {
        return JsonSchema.object()
            .prop("Type", JsonSchema.integer().description("1 secp256k1, 2 BLS (Lotus crypto.SigType)"))
            .prop("Data", JsonSchema.string().description("The signature, base64"))
            .prop("lotusHex", JsonSchema.string().description("Hex of the type byte then the data: what `lotus wallet sign` prints"));
    }
}

package dev.granary.chain.rest;

import dev.granary.api.JsonSchema;

/** OpenAPI fragments for the chain routes' answers. Lotus types are described by name and their key fields. */
final class ChainSchemas {

    private ChainSchemas() {}

    static JsonSchema cidLink() {
        return JsonSchema.object().prop("/", JsonSchema.string().description("CID text, e.g. bafy2bzace..."))
            .description("A CID as Lotus JSON writes it");
    }

    static JsonSchema attoFil(String what) {
        return JsonSchema.string().description(what + ", attoFIL as a decimal string").example("1000000000000000000");
    }

    /** A Lotus type, with a pointer to where its fields are defined. */
    static JsonSchema lotus(String typeName) {
        return JsonSchema.object().description("Lotus' " + typeName + " in Lotus JSON (Go field names, CIDs as {\"/\": …},"
            + " amounts as decimal strings, bytes as base64)");
    }

    static JsonSchema tipSet() {
        return lotus("TipSet").prop("Cids", JsonSchema.array(cidLink())).prop("Blocks", JsonSchema.array(lotus("BlockHeader")))
            .prop("Height", JsonSchema.integer());
    }

    static JsonSchema receipt() {
        return lotus("MessageReceipt").prop("ExitCode", JsonSchema.integer())
            .prop("Return", JsonSchema.string().description("base64, null when empty"))
            .prop("GasUsed", JsonSchema.integer()).prop("EventsRoot", cidLink(), false);
    }

    static JsonSchema messageLookup() {
        return lotus("MsgLookup").prop("Message", cidLink()).prop("Receipt", receipt())
            .prop("TipSet", JsonSchema.array(cidLink()).description("The tipset whose ParentMessageReceipts hold the receipt"))
            .prop("Height", JsonSchema.integer())
            .prop("IncludedAt", JsonSchema.integer().description("Granary's addition: the height of the tipset that included the message"));
    }

    static JsonSchema message() {
        return lotus("Message").prop("Version", JsonSchema.integer()).prop("To", JsonSchema.string())
            .prop("From", JsonSchema.string()).prop("Nonce", JsonSchema.integer()).prop("Value", attoFil("Value"))
            .prop("GasLimit", JsonSchema.integer()).prop("GasFeeCap", attoFil("Fee cap per gas unit"))
            .prop("GasPremium", attoFil("Premium per gas unit")).prop("Method", JsonSchema.integer())
            .prop("Params", JsonSchema.string().description("base64 of the dag-cbor parameters, or null"));
    }

    static JsonSchema signedMessage() {
        return lotus("SignedMessage").prop("Message", message()).prop("Signature", JsonSchema.object()
            .prop("Type", JsonSchema.integer().description("1 secp256k1, 2 BLS"))
            .prop("Data", JsonSchema.string().description("base64")));
    }

    static JsonSchema status() {
        return JsonSchema.object()
            .prop("networkName", JsonSchema.string())
            .prop("policy", JsonSchema.string().enumOf("devnet", "mainnet"))
            .prop("currentEpoch", JsonSchema.integer().description("The clock's epoch; ahead of the head after null rounds"))
            .prop("head", JsonSchema.object().prop("height", JsonSchema.integer()).prop("cids", JsonSchema.array(cidLink()))
                .prop("timestamp", JsonSchema.string().format("date-time")).prop("blocks", JsonSchema.integer())
                .prop("parentBaseFee", attoFil("The base fee the head's messages paid")))
            .prop("baseFee", attoFil("The base fee the next block's messages pay"))
            .prop("blockDelaySeconds", JsonSchema.number())
            .prop("genesisTime", JsonSchema.string().format("date-time"))
            .prop("clock", JsonSchema.string().enumOf("wall", "manual"))
            .prop("producing", JsonSchema.bool())
            .prop("mpoolSize", JsonSchema.integer())
            .prop("recentBlockTimes", JsonSchema.array(JsonSchema.object()
                .prop("height", JsonSchema.integer()).prop("timestamp", JsonSchema.string().format("date-time"))
                .prop("blocks", JsonSchema.integer())
                .prop("secondsSinceParent", JsonSchema.integer().description("null for genesis"))
                .prop("nullRoundsBefore", JsonSchema.integer()))
                .description("The last tipsets, newest first"));
    }
}

package dev.granary.chain.actors;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;

/**
 * The kinds of builtin actor and their code CIDs. Granary uses Filecoin's legacy (specs-actors v1)
 * form: a CIDv1 with the raw codec whose multihash is the identity hash of {@code "fil/1/<name>"}, so
 * the code CID spells the actor kind and needs no Wasm bundle. Today's Filecoin names code by the
 * hash of a Wasm module instead; the devnet has no such modules.
 */
public enum BuiltinActor {
    SYSTEM("system"),
    INIT("init"),
    CRON("cron"),
    ACCOUNT("account"),
    REWARD("reward"),
    POWER("storagepower"),
    MINER("storageminer"),
    MARKET("storagemarket"),
    PAYMENT_CHANNEL("paymentchannel"),
    MULTISIG("multisig"),
    VERIFIED_REGISTRY("verifiedregistry");

    /** The actors version in the code CIDs: 1, as in specs-actors v1's "fil/1/…". */
    public static final int CODE_VERSION = 1;

    private final String name;
    private final Cid code;

    BuiltinActor(String name) {
        this.name = name;
        byte[] label = ("fil/" + CODE_VERSION + "/" + name).getBytes(StandardCharsets.US_ASCII);
        this.code = Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.IDENTITY, label));
    }

    /** The short name in the code CID, e.g. "account". */
    public String actorName() {
        return name;
    }

    public Cid code() {
        return code;
    }

    /** The builtin actor whose code CID is {@code code}, if any. */
    public static Optional<BuiltinActor> byCode(Cid code) {
        for (BuiltinActor actor : values()) {
            if (actor.code.equals(code)) {
                return Optional.of(actor);
            }
        }
        return Optional.empty();
    }
}

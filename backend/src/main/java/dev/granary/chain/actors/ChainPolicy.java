package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.cbor.CborCodec;

/**
 * The policy constants the actors follow. {@link #mainnet()} holds Filecoin's values; {@link #devnet()}
 * shortens the waits so a demo or a test sees a worker change or a proving period within minutes. The
 * profile is chosen in the genesis config and recorded in the genesis state, so every node replaying
 * the chain applies the same one.
 *
 * @param name                    profile name recorded in the state ("mainnet" or "devnet")
 * @param chainFinality           epochs after which a tipset is final (Filecoin: 900)
 * @param workerKeyChangeDelay    epochs before a new worker key takes effect (Filecoin: ChainFinality)
 * @param wpostProvingPeriod      epochs per proving period (Filecoin: 2880)
 * @param wpostChallengeWindow    epochs per deadline (Filecoin: 60)
 * @param wpostPeriodDeadlines    deadlines per proving period (Filecoin: 48)
 * @param wpostChallengeLookback  epochs between a deadline's challenge and its opening (Filecoin: 20)
 * @param faultDeclarationCutoff  epochs before a deadline when faults can no longer be declared (Filecoin: 70)
 * @param preCommitChallengeDelay epochs between pre-commit and the interactive seal randomness (Filecoin: 150)
 */
public record ChainPolicy(String name, long chainFinality, long workerKeyChangeDelay, long wpostProvingPeriod,
                          long wpostChallengeWindow, long wpostPeriodDeadlines, long wpostChallengeLookback,
                          long faultDeclarationCutoff, long preCommitChallengeDelay) {

    /** The tuple of every field in declaration order, as genesis records it in the system actor's state. */
    public static final CborCodec<ChainPolicy> CODEC = CborCodec.tuple("ChainPolicy", 9,
        (p, w) -> w.writeText(p.name()).writeInt(p.chainFinality()).writeInt(p.workerKeyChangeDelay())
            .writeInt(p.wpostProvingPeriod()).writeInt(p.wpostChallengeWindow()).writeInt(p.wpostPeriodDeadlines())
            .writeInt(p.wpostChallengeLookback()).writeInt(p.faultDeclarationCutoff()).writeInt(p.preCommitChallengeDelay()),
        r -> new ChainPolicy(r.readText(), r.readInt(), r.readInt(), r.readInt(), r.readInt(), r.readInt(), r.readInt(),
            r.readInt(), r.readInt()));

    public ChainPolicy {
        Objects.requireNonNull(name, "name");
        if (wpostChallengeWindow * wpostPeriodDeadlines != wpostProvingPeriod) {
            throw new IllegalArgumentException("policy " + name + ": " + wpostPeriodDeadlines + " deadlines of "
                + wpostChallengeWindow + " epochs do not make a proving period of " + wpostProvingPeriod);
        }
    }

    public static ChainPolicy mainnet() {
        return new ChainPolicy("mainnet", 900, 900, 2880, 60, 48, 20, 70, 150);
    }

    /** 48 deadlines of 10 epochs (a 480-epoch period), finality and worker delay 20, seal delay 10. */
    public static ChainPolicy devnet() {
        return new ChainPolicy("devnet", 20, 20, 480, 10, 48, 4, 6, 10);
    }

    /** The profile called {@code name}; an error listing the known ones otherwise. */
    public static ChainPolicy byName(String name) {
        return switch (name) {
            case "mainnet" -> mainnet();
            case "devnet" -> devnet();
            default -> throw new IllegalArgumentException("unknown chain policy profile '" + name
                + "'; use devnet or mainnet");
        };
    }
}

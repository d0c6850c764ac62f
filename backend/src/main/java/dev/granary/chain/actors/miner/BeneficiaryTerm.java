package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * What a beneficiary other than the owner may withdraw (go-state-types miner.BeneficiaryTerm:
 * [Quota, UsedQuota, Expiration]). While the owner is the beneficiary the term is unused and zero.
 */
public record BeneficiaryTerm(TokenAmount quota, TokenAmount usedQuota, long expiration) {

    public static final BeneficiaryTerm NONE = new BeneficiaryTerm(TokenAmount.ZERO, TokenAmount.ZERO, 0);

    public static final CborCodec<BeneficiaryTerm> CODEC = CborCodec.tuple("BeneficiaryTerm", 3,
        (t, w) -> {
            FilCodecs.TOKEN_AMOUNT.encode(t.quota(), w);
            FilCodecs.TOKEN_AMOUNT.encode(t.usedQuota(), w);
            w.writeInt(t.expiration());
        },
        r -> new BeneficiaryTerm(FilCodecs.TOKEN_AMOUNT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt()));

    public BeneficiaryTerm {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(usedQuota, "usedQuota");
    }

    /** The quota left at {@code epoch}: none once expired. */
    public TokenAmount available(long epoch) {
        if (expiration <= epoch) {
            return TokenAmount.ZERO;
        }
        TokenAmount left = quota.subtract(usedQuota);
        return left.isNegative() ? TokenAmount.ZERO : left;
    }

    public BeneficiaryTerm withUsed(TokenAmount amount) {
        return new BeneficiaryTerm(quota, usedQuota.add(amount), expiration);
    }
}

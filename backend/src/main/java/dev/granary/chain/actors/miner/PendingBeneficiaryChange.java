package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * A proposed beneficiary change (go-state-types miner.PendingBeneficiaryChange: [NewBeneficiary,
 * NewQuota, NewExpiration, ApprovedByBeneficiary, ApprovedByNominee]). The devnet has no
 * ChangeBeneficiary yet, so none is ever pending; the field keeps MinerInfo's layout.
 */
public record PendingBeneficiaryChange(Address newBeneficiary, TokenAmount newQuota, long newExpiration,
                                       boolean approvedByBeneficiary, boolean approvedByNominee) {

    public static final CborCodec<PendingBeneficiaryChange> CODEC = CborCodec.tuple("PendingBeneficiaryChange", 5,
        (c, w) -> {
            FilCodecs.ADDRESS.encode(c.newBeneficiary(), w);
            FilCodecs.TOKEN_AMOUNT.encode(c.newQuota(), w);
            w.writeInt(c.newExpiration()).writeBoolean(c.approvedByBeneficiary()).writeBoolean(c.approvedByNominee());
        },
        r -> new PendingBeneficiaryChange(FilCodecs.ADDRESS.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt(),
            r.readBoolean(), r.readBoolean()));

    public PendingBeneficiaryChange {
        Objects.requireNonNull(newBeneficiary, "newBeneficiary");
        Objects.requireNonNull(newQuota, "newQuota");
    }
}

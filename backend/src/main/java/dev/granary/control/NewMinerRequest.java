package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.util.Objects;
import java.util.Optional;

/**
 * A new miner to create with the power actor's CreateMiner, as `lotus-miner init --owner --worker
 * --sector-size` asks for one.
 *
 * @param from           the wallet key that signs and pays; empty: the owner
 * @param sectorSize     "2KiB", "8MiB", "512MiB", "32GiB" or "64GiB"
 * @param deposit        the message's value: the new miner's first balance
 * @param idempotencyKey a retried request with the same key returns the first message instead of sending again
 */
public record NewMinerRequest(Address owner, Address worker, Optional<Address> from, String sectorSize,
                              TokenAmount deposit, Optional<TokenAmount> maxFee, Optional<String> idempotencyKey) {

    public NewMinerRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(from, "from");
        deposit = deposit == null ? TokenAmount.ZERO : deposit;
        Objects.requireNonNull(maxFee, "maxFee");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}

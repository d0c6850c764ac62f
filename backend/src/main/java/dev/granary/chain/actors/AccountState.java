package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;

/** An account actor's state: the tuple [Address], its public-key (f1/f3) address, as Filecoin's. */
public record AccountState(Address address) {

    public static final CborCodec<AccountState> CODEC = CborCodec.tuple("AccountState", 1,
        (s, w) -> w.writeBytes(s.address().bytes()),
        r -> new AccountState(r.readBytesAs(Address::fromBytes)));

    public AccountState {
        Objects.requireNonNull(address, "address");
    }
}

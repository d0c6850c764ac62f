package dev.granary.chain.actors.cron;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** One call cron makes every epoch: the tuple [Receiver, MethodNum], the method taking no parameters. */
public record CronEntry(Address receiver, long methodNum) {

    public static final CborCodec<CronEntry> CODEC = CborCodec.tuple("CronEntry", 2,
        (e, w) -> {
            FilCodecs.ADDRESS.encode(e.receiver(), w);
            w.writeUnsigned(e.methodNum());
        },
        r -> new CronEntry(FilCodecs.ADDRESS.decode(r), r.readUnsigned()));

    public CronEntry {
        Objects.requireNonNull(receiver, "receiver");
    }
}

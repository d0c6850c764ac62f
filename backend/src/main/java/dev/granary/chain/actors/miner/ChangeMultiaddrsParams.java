package dev.granary.chain.actors.miner;

import java.util.List;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** ChangeMultiaddrs' parameters: the tuple [NewMultiaddrs], each a binary multiaddress. */
public record ChangeMultiaddrsParams(List<byte[]> newMultiaddrs) {

    public static final CborCodec<ChangeMultiaddrsParams> CODEC = CborCodec.tuple("ChangeMultiaddrsParams", 1,
        (p, w) -> FilCodecs.BYTES_LIST.encode(p.newMultiaddrs, w),
        r -> new ChangeMultiaddrsParams(FilCodecs.BYTES_LIST.decode(r)));

    public ChangeMultiaddrsParams {
        newMultiaddrs = newMultiaddrs.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> newMultiaddrs() {
        return newMultiaddrs.stream().map(byte[]::clone).toList();
    }
}

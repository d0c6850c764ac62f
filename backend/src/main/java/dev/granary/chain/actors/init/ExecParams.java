package dev.granary.chain.actors.init;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.multiformats.Cid;

/** Init's Exec parameters: the tuple [CodeCID, ConstructorParams], the latter the new actor's encoded constructor parameters. */
public record ExecParams(Cid codeCid, byte[] constructorParams) {

    public static final CborCodec<ExecParams> CODEC = CborCodec.tuple("ExecParams", 2,
        (p, w) -> w.writeCid(p.codeCid()).writeBytes(p.constructorParams()),
        r -> new ExecParams(r.readCid(), r.readBytes()));

    public ExecParams {
        Objects.requireNonNull(codeCid, "codeCid");
        constructorParams = constructorParams == null ? new byte[0] : constructorParams.clone();
    }

    @Override
    public byte[] constructorParams() {
        return constructorParams.clone();
    }
}

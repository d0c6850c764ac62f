package dev.granary.chain.actors;

import java.math.BigInteger;
import java.util.List;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;

/** Codecs of the Filecoin values actor state and parameters are made of, encoded as go-state-types does. */
public final class FilCodecs {

    /** An address as a byte string of its bytes. */
    public static final CborCodec<Address> ADDRESS = CborCodec.of((a, w) -> w.writeBytes(a.bytes()),
        r -> r.readBytesAs(Address::fromBytes));
    /** An amount as a byte string of its big-integer bytes. */
    public static final CborCodec<TokenAmount> TOKEN_AMOUNT = CborCodec.of((t, w) -> w.writeBytes(t.bytes()),
        r -> r.readBytesAs(TokenAmount::fromBytes));
    /** A big integer (storage power, Q.128 estimates) as a byte string, as go-state-types' bigint_ser. */
    public static final CborCodec<BigInteger> BIG_INT = CborCodec.of((b, w) -> w.writeBytes(BigInt.of(b).bytes()),
        r -> r.readBytesAs(bytes -> BigInt.fromBytes(bytes).value()));
    public static final CborCodec<List<Address>> ADDRESS_LIST = CborCodecs.listOf(ADDRESS);
    /** Multiaddresses: an array of byte strings. */
    public static final CborCodec<List<byte[]>> BYTES_LIST = CborCodecs.listOf(CborCodecs.BYTES);
    public static final CborCodec<Address> NULLABLE_ADDRESS = CborCodecs.nullable(ADDRESS);

    private FilCodecs() {
    }

    /**
     * Decodes the parameters of {@code method}; anything that does not decode is the caller's
     * USR_SERIALIZATION error, as builtin-actors answers undecodable parameters.
     */
    public static <T> T decodeParams(String method, CborCodec<T> codec, byte[] params) {
        try {
            return codec.decode(params);
        } catch (IllegalArgumentException e) { // CborException, AddressException, FilFormatException among them
            throw ActorException.serialization(method + ": cannot decode the parameters: " + e.getMessage());
        }
    }
}

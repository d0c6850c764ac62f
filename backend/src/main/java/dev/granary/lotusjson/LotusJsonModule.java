package dev.granary.lotusjson;

import dev.granary.address.Address;
import dev.granary.crypto.Signature;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Registers {@link LotusJson} with Jackson, so REST answers and requests speak the Lotus dialect. */
public final class LotusJsonModule extends SimpleModule {

    public LotusJsonModule(LotusJson json) {
        super("granary-lotus-json");
        addSerializer(Cid.class, serializer((c, g) -> g.writeTree(json.cid(c))));
        addDeserializer(Cid.class, deserializer(n -> LotusJson.cid(n, "cid")));
        addSerializer(Address.class, serializer((a, g) -> g.writeString(a.toString(json.network()))));
        addDeserializer(Address.class, deserializer(n -> {
            if (!n.isString()) {
                throw new LotusJsonException("address: expected a string");
            }
            return Address.parse(n.asString());
        }));
        addSerializer(TokenAmount.class, serializer((t, g) -> g.writeString(t.attoFil().toString())));
        addDeserializer(TokenAmount.class, deserializer(n -> TokenAmount.parseSigned(n.asString() + " attoFIL")));
        addSerializer(BigInt.class, serializer((b, g) -> g.writeString(b.toString())));
        addDeserializer(BigInt.class, deserializer(n -> BigInt.parse(n.asString())));
        addSerializer(Signature.class, serializer((s, g) -> g.writeTree(json.signature(s))));
        addDeserializer(Signature.class, deserializer(n -> LotusJson.signature(n, "signature")));
        addSerializer(Message.class, serializer((m, g) -> g.writeTree(json.message(m))));
        addDeserializer(Message.class, deserializer(n -> LotusJson.message(n, "message")));
        addSerializer(SignedMessage.class, serializer((m, g) -> g.writeTree(json.signedMessage(m))));
        addDeserializer(SignedMessage.class, deserializer(n -> LotusJson.signedMessage(n, "signedMessage")));
    }

    /** A mapper speaking the Lotus dialect for the given network's address prefix. */
    public static JsonMapper mapper(LotusJson json) {
        return JsonMapper.builder().addModule(new LotusJsonModule(json)).build();
    }

    private static <T> ValueSerializer<T> serializer(BiFunction<T, JsonGenerator, JsonGenerator> write) {
        return new ValueSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                write.apply(value, gen);
            }
        };
    }

    private static <T> ValueDeserializer<T> deserializer(Function<JsonNode, T> read) {
        return new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonNode node = ctxt.readTree(p);
                try {
                    return read.apply(node);
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(this, "%s", e.getMessage());
                }
            }
        };
    }
}

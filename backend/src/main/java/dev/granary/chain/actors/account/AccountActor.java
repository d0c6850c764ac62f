package dev.granary.chain.actors.account;

import java.util.List;

import dev.granary.chain.actors.AccountState;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;

/** The account actor: holds a key address' funds; its state is that key address. */
public final class AccountActor implements ActorCode {

    public static final AccountActor INSTANCE = new AccountActor();

    private AccountActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == AccountMethods.CONSTRUCTOR) {
            return construct(rt, params);
        }
        if (method == AccountMethods.PUBKEY_ADDRESS) {
            return FilCodecs.ADDRESS.encode(rt.state(AccountState.CODEC).address());
        }
        if (Long.compareUnsigned(method, AccountMethods.FIRST_EXPORTED_METHOD) >= 0) {
            return null;
        }
        throw ActorException.unhandledMethod(BuiltinActor.ACCOUNT, method);
    }

    /** Only the system creates accounts (the VM does, when a key address first receives funds). */
    private static byte[] construct(ActorRuntime rt, byte[] params) {
        rt.validateCallerIs("Account.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
        rt.saveState(AccountState.CODEC, new AccountState(FilCodecs.decodeParams("Account.Constructor", FilCodecs.ADDRESS, params)));
        return null;
    }
}

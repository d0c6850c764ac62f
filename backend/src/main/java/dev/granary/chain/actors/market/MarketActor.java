package dev.granary.chain.actors.market;

import java.util.List;
import java.util.Optional;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateKeys;
import dev.granary.chain.actors.miner.GetControlAddressesReturn;
import dev.granary.chain.actors.miner.MinerMethods;
import dev.granary.fil.TokenAmount;

/**
 * The storage market actor (f05): escrow for deal clients and providers. A provider's escrow is held
 * under its miner actor; only the miner's owner or worker may withdraw it, and it goes to the owner.
 * A client's escrow is held under its own ID and only the client withdraws it. Deals come later.
 */
public final class MarketActor implements ActorCode {

    public static final MarketActor INSTANCE = new MarketActor();

    private MarketActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == MarketMethods.CONSTRUCTOR) {
            rt.validateCallerIs("Market.Constructor", "the system actor", List.of(SingletonActors.SYSTEM));
            throw ActorException.illegalState("Market.Constructor: the market actor is constructed at genesis");
        }
        if (method == MarketMethods.ADD_BALANCE) {
            addBalance(rt, FilCodecs.decodeParams("AddBalance", AddBalanceParams.CODEC, params));
            return null;
        }
        if (method == MarketMethods.WITHDRAW_BALANCE) {
            return FilCodecs.TOKEN_AMOUNT.encode(
                    withdrawBalance(rt, FilCodecs.decodeParams("WithdrawBalance", WithdrawBalanceParams.CODEC, params)));
        }
        throw ActorException.unhandledMethod(BuiltinActor.MARKET, method);
    }

    private static void addBalance(ActorRuntime rt, AddBalanceParams p) {
        TokenAmount value = rt.valueReceived();
        if (value.signum() <= 0) {
            throw ActorException.illegalArgument("AddBalance: the balance to add must be positive, was " + value
                    + "; send the amount as the message value");
        }
        Escrow escrow = escrowAddress(rt, "AddBalance", p.providerOrClient());
        long party = escrow.nominal().id();
        writeAmount(rt, StateKeys.marketEscrow(party), readAmount(rt, StateKeys.marketEscrow(party)).add(value));
    }

    /** builtin-actors v9+: at most escrow − locked, paid to the party (a provider's owner), never more than asked. */
    private static TokenAmount withdrawBalance(ActorRuntime rt, WithdrawBalanceParams p) {
        String method = "WithdrawBalance";
        if (p.amount().isNegative()) {
            throw ActorException.illegalArgument(method + ": negative amount " + p.amount());
        }
        Escrow escrow = escrowAddress(rt, method, p.providerOrClient());
        rt.validateCallerIs(method, escrow.approvedRole(), escrow.approved());
        long party = escrow.nominal().id();
        TokenAmount balance = readAmount(rt, StateKeys.marketEscrow(party));
        TokenAmount free = balance.subtract(readAmount(rt, StateKeys.marketLocked(party)));
        TokenAmount amount = free.signum() <= 0 ? TokenAmount.ZERO : (free.compareTo(p.amount()) < 0 ? free : p.amount());
        if (amount.signum() > 0) {
            writeAmount(rt, StateKeys.marketEscrow(party), balance.subtract(amount));
        }
        rt.send(escrow.recipient(), METHOD_SEND, null, amount).orThrow(method + ": paying " + escrow.recipient());
        return amount;
    }

    /** Whose escrow a party address names, who receives withdrawals and who may make them. */
    private record Escrow(Address nominal, Address recipient, List<Address> approved, String approvedRole) {
    }

    private static Escrow escrowAddress(ActorRuntime rt, String method, Address address) {
        long id = rt.resolveAddress(address).orElseThrow(() -> ActorException.illegalArgument(method
                + ": unable to resolve address " + address + "; it has no actor"));
        Address nominal = Address.ofId(id);
        Optional<BuiltinActor> kind = rt.actorKind(id);
        if (kind.isEmpty()) {
            throw ActorException.illegalArgument(method + ": no builtin actor code for " + nominal);
        }
        if (kind.get() == BuiltinActor.MINER) {
            GetControlAddressesReturn control = GetControlAddressesReturn.CODEC.decode(rt.send(nominal,
                    MinerMethods.CONTROL_ADDRESSES, null, TokenAmount.ZERO).orThrow(method + ": reading the control addresses of "
                    + nominal));
            List<Address> approved = control.owner().equals(control.worker()) ? List.of(control.owner())
                    : List.of(control.owner(), control.worker());
            return new Escrow(nominal, control.owner(), approved, "the owner or worker of provider " + nominal);
        }
        return new Escrow(nominal, nominal, List.of(nominal), "the client");
    }

    private static TokenAmount readAmount(ActorRuntime rt, byte[] key) {
        byte[] bytes = rt.readEntry(key);
        return bytes == null ? TokenAmount.ZERO : FilCodecs.TOKEN_AMOUNT.decode(bytes);
    }

    /** A balance-table row; zero rows are deleted, as builtin-actors' BalanceTable does. */
    private static void writeAmount(ActorRuntime rt, byte[] key, TokenAmount amount) {
        if (amount.isZero()) {
            rt.deleteEntry(key);
        } else {
            rt.writeEntry(key, FilCodecs.TOKEN_AMOUNT.encode(amount));
        }
    }
}

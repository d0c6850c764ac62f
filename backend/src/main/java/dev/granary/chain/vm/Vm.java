package dev.granary.chain.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.AccountState;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.gas.GasOutputs;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * VM v0: applies signed messages in order to a state root. Supports method 0 (plain transfer) to any
 * existing actor, creating the account of a new f1/f3 recipient; other methods fail on chain with
 * {@link ExitCode#SYS_ERR_INVALID_METHOD} until actors gain methods.
 *
 * <p>Per message: the checks that make a message {@link ApplyResult.Invalid} come first and read
 * only, so an invalid message leaves no trace. A valid one then has its gas reservation
 * ({@code gasLimit × feeCap}) taken and its nonce advanced, runs (all or nothing: a failure reverts
 * the transfer and the account creation, and running out of gas uses the whole limit), and finally
 * pays its fee as {@link GasOutputs} divides it: base fee and over-estimation burn to f099, the tip to
 * the block's miner, the rest back to the sender.
 */
public final class Vm {

    private final ActorTable actors;
    private final InitActor init;
    private final BlockContext block;

    private Vm(StateSession session, BlockContext block) {
        this.actors = new ActorTable(session);
        this.init = new InitActor(actors);
        this.block = block;
    }

    /** Applies {@code messages} to the state at {@code parentRoot} and commits the resulting state. */
    public static ApplyOutcome apply(KvStore kv, Cid parentRoot, BlockContext block, List<SignedMessage> messages) {
        Objects.requireNonNull(block, "block");
        StateSession session = StateSession.on(kv, parentRoot);
        Vm vm = new Vm(session, block);
        vm.requireMinerCanBePaid();
        List<ApplyResult> results = new ArrayList<>(messages.size());
        for (SignedMessage message : messages) {
            results.add(vm.applyOne(message));
        }
        return new ApplyOutcome(session.commit(), results);
    }

    private void requireMinerCanBePaid() {
        Address miner = block.miner();
        if (init.lookupId(miner).isEmpty() && !InitActor.isAccountKeyAddress(miner)) {
            throw new IllegalArgumentException("block miner " + miner + " has no actor and cannot be given an account; "
                    + "use an existing actor or an f1/f3 address");
        }
    }

    private ApplyResult applyOne(SignedMessage signed) {
        Message m = signed.message();
        Cid cid = signed.cid();
        String malformed = MessageChecks.malformed(m);
        if (malformed != null) {
            return new ApplyResult.Invalid(cid, InvalidReason.MALFORMED, malformed);
        }
        long onChainGas = PriceList.onChainMessage(MessageChecks.chainLength(signed));
        if (m.gasLimit() < onChainGas) {
            return new ApplyResult.Invalid(cid, InvalidReason.GAS_LIMIT_BELOW_ON_CHAIN_CHARGE, "gas limit " + m.gasLimit()
                    + " is below the " + onChainGas + " gas charged for including the message; raise the gas limit");
        }
        OptionalLong senderId = init.lookupId(m.from());
        if (senderId.isEmpty()) {
            return new ApplyResult.Invalid(cid, InvalidReason.SENDER_UNKNOWN, "sender " + m.from()
                    + " has no actor in this state; fund it first");
        }
        long from = senderId.getAsLong();
        ActorState sender = actors.require(from);
        if (!sender.isAccount()) {
            return new ApplyResult.Invalid(cid, InvalidReason.SENDER_NOT_ACCOUNT, "sender " + m.from() + " (f0"
                    + Long.toUnsignedString(from) + ") is a " + sender.kind().map(Enum::name).orElse(sender.code().toString())
                    + " actor; only accounts send messages");
        }
        Address keyAddress = m.from().protocol() == Protocol.ID
                ? actors.readHead(from, AccountState.CODEC).address() : m.from();
        if (!signed.signature().verify(keyAddress, m.cid().bytes())) {
            return new ApplyResult.Invalid(cid, InvalidReason.BAD_SIGNATURE, "signature does not verify for sender "
                    + keyAddress + " over message " + m.cid());
        }
        if (m.nonce() != sender.callSeqNum()) {
            return new ApplyResult.Invalid(cid, InvalidReason.NONCE_MISMATCH, "nonce " + Long.toUnsignedString(m.nonce())
                    + " is not the sender's next nonce " + Long.toUnsignedString(sender.callSeqNum()));
        }
        TokenAmount reservation = m.gasFeeCap().multiply(m.gasLimit());
        TokenAmount required = m.value().add(reservation);
        if (sender.balance().compareTo(required) < 0) {
            return new ApplyResult.Invalid(cid, InvalidReason.INSUFFICIENT_BALANCE, "sender balance " + sender.balance()
                    + " is below value + gas limit × fee cap = " + required);
        }

        actors.put(from, sender.withBalance(sender.balance().subtract(reservation)).withNextCallSeqNum());
        Execution run = execute(m, from, onChainGas);
        GasOutputs gas = GasOutputs.compute(run.gasUsed, m.gasLimit(), block.baseFee(), m.gasFeeCap(), m.gasPremium());
        credit(SingletonActors.BURNT_FUNDS, gas.baseFeeBurn().add(gas.overEstimationBurn()));
        credit(block.miner(), gas.minerTip());
        credit(Address.ofId(from), gas.refund());
        MessageReceipt receipt = MessageReceipt.of(run.exitCode.value(), new byte[0], run.gasUsed, null);
        return new ApplyResult.Applied(cid, run.exitCode, receipt, gas);
    }

    private record Execution(ExitCode exitCode, long gasUsed) {
    }

    /**
     * Charges gas step by step as Lotus' send does (invocation, then receiver creation) and only then
     * changes state, so every failure leaves the state as the reservation left it.
     */
    private Execution execute(Message m, long from, long onChainGas) {
        long limit = m.gasLimit();
        long gas = onChainGas + PriceList.onSend(!m.value().isZero());
        if (gas > limit) {
            return new Execution(ExitCode.SYS_ERR_OUT_OF_GAS, limit);
        }
        OptionalLong receiverId = init.lookupId(m.to());
        boolean createReceiver = receiverId.isEmpty();
        if (createReceiver) {
            if (!InitActor.isAccountKeyAddress(m.to())) {
                return new Execution(ExitCode.SYS_ERR_INVALID_RECEIVER, gas);
            }
            gas += PriceList.onCreateActor();
            if (gas > limit) {
                return new Execution(ExitCode.SYS_ERR_OUT_OF_GAS, limit);
            }
        }
        if (m.method() != 0) {
            return new Execution(ExitCode.SYS_ERR_INVALID_METHOD, gas);
        }
        long to = createReceiver ? init.registerAccount(m.to()) : receiverId.getAsLong();
        transfer(from, to, m.value());
        return new Execution(ExitCode.OK, gas);
    }

    private void transfer(long from, long to, TokenAmount value) {
        if (value.isZero()) {
            return;
        }
        ActorState sender = actors.require(from);
        actors.put(from, sender.withBalance(sender.balance().subtract(value)));
        ActorState receiver = actors.require(to);
        actors.put(to, receiver.withBalance(receiver.balance().add(value)));
    }

    private void credit(Address address, TokenAmount amount) {
        if (amount.isZero()) {
            return;
        }
        OptionalLong id = init.lookupId(address);
        long target = id.isPresent() ? id.getAsLong() : init.registerAccount(address);
        ActorState actor = actors.require(target);
        actors.put(target, actor.withBalance(actor.balance().add(amount)));
    }
}

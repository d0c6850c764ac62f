package dev.granary.chain.vm;

import java.util.Objects;
import java.util.OptionalLong;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.gas.GasOutputs;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * Applies messages one at a time to a state session at one epoch, as Lotus' ApplyMessage does: checks
 * that make a message invalid (read only, so an invalid message leaves no trace), then the gas
 * reservation and nonce, the execution (all or nothing), and the fee.
 */
final class MessageApplier {

    /** Lotus gives implicit messages (cron, rewards) BlockGasLimit × 10000 so they never run short; they pay nothing. */
    static final long IMPLICIT_GAS_LIMIT = GasConstants.BLOCK_GAS_LIMIT * 10_000;

    private static final byte[] NO_RETURN = new byte[0];

    private final ActorTable actors;
    private final InitActor init;
    private final long epoch;
    private final TokenAmount baseFee;

    MessageApplier(StateSession session, long epoch, TokenAmount baseFee) {
        this.actors = new ActorTable(session);
        this.init = new InitActor(actors);
        this.epoch = epoch;
        this.baseFee = Objects.requireNonNull(baseFee, "baseFee");
    }

    /** How a message's execution ended: exit code, gas used (the whole limit when out of gas), return value, error. */
    record Execution(ExitCode exitCode, long gasUsed, byte[] returnValue, String error) {
    }

    /** Applies a signed message, or reports why it cannot be included. */
    ApplyResult apply(SignedMessage signed) {
        return apply(signed.cid(), signed.message(), MessageChecks.chainLength(signed), signed);
    }

    /**
     * Applies a BLS message stored unsigned in a block: its signature was checked through the block's
     * BLSAggregate by the caller, and it is charged for its unsigned length.
     */
    ApplyResult applyAggregateVerified(Message m) {
        return apply(m.cid(), m, m.toCbor().length, null);
    }

    /** @param toVerify the signed message whose signature to check; null when the block's aggregate covered it */
    private ApplyResult apply(Cid cid, Message m, int chainLength, SignedMessage toVerify) {
        try {
            long inclusionGas = checkInclusion(m, chainLength);
            long from = checkSender(m);
            if (toVerify != null) {
                checkSignature(toVerify);
            }
            checkNonce(m, from);
            TokenAmount reservation = m.gasFeeCap().multiply(m.gasLimit());
            checkFunds(m, from, reservation);
            ActorState sender = actors.require(from);
            actors.put(from, sender.withBalance(sender.balance().subtract(reservation)).withNextCallSeqNum());
            Execution run = execute(m, from, inclusionGas);
            GasOutputs gas = GasOutputs.compute(run.gasUsed(), m.gasLimit(), baseFee, m.gasFeeCap(), m.gasPremium());
            credit(SingletonActors.BURNT_FUNDS_ID, gas.baseFeeBurn().add(gas.overEstimationBurn()));
            credit(SingletonActors.REWARD_ID, gas.minerTip());
            credit(from, gas.refund());
            MessageReceipt receipt = MessageReceipt.of(run.exitCode().value(), run.returnValue(), run.gasUsed(), null);
            return new ApplyResult.Applied(cid, run.exitCode(), receipt, gas, run.error());
        } catch (InvalidMessageException e) {
            return new ApplyResult.Invalid(cid, e.reason(), e.getMessage());
        }
    }

    /**
     * Runs {@code m} for its gas: no signature, nonce or gas-funds check and no fee (the caller set the
     * nonce and the block gas limit); only the value must be there. Its inclusion is priced as Lotus'
     * estimator prices it: unsigned for a BLS sender, else with a 65-byte secp256k1 signature. Invalid
     * messages throw.
     */
    Execution estimate(Message m) {
        long inclusionGas = checkInclusion(m, chainLengthAsSigned(m));
        long from = checkSender(m);
        checkFunds(m, from, TokenAmount.ZERO);
        actors.put(from, actors.require(from).withNextCallSeqNum());
        return execute(m, from, inclusionGas);
    }

    private int chainLengthAsSigned(Message m) {
        boolean bls = init.accountKey(m.from()).map(a -> a.protocol() == Protocol.BLS).orElse(false);
        if (bls) {
            return m.toCbor().length;
        }
        return new SignedMessage(m, new Signature(SignatureType.SECP256K1, new byte[65])).toCbor().length;
    }

    /**
     * Lotus' send for a message: charges inclusion, runs the call in an overlay and keeps it only on
     * success; the return value is charged for its storage in the receipt. Running out of gas anywhere
     * fails the message with the whole limit used.
     */
    private Execution execute(Message m, long from, long inclusionGas) {
        GasMeter gas = new GasMeter(m.gasLimit());
        CallStack calls = new CallStack(gas, epoch, m.from(), m.nonce());
        StateOverlay messageLayer = new StateOverlay(actors.store());
        try {
            gas.charge(inclusionGas, "including the message");
            SendResult result = calls.send(messageLayer, from, m.to(), m.method(), m.params(), m.value());
            if (!result.isSuccess()) {
                return new Execution(result.exitCode(), gas.used(), NO_RETURN, result.error());
            }
            byte[] ret = result.returnValue() == null ? NO_RETURN : result.returnValue();
            if (ret.length > 0) {
                gas.charge(PriceList.onChainReturnValue(ret.length), "storing the return value");
            }
            messageLayer.mergeIntoParent();
            return new Execution(ExitCode.OK, gas.used(), ret, null);
        } catch (OutOfGasException e) {
            return new Execution(ExitCode.SYS_ERR_OUT_OF_GAS, m.gasLimit(), NO_RETURN, e.getMessage());
        }
    }

    /** An implicit message from the system actor (cron tick, block reward), kept only on success. */
    SendResult runImplicit(Address to, long method, byte[] params) {
        CallStack calls = new CallStack(new GasMeter(IMPLICIT_GAS_LIMIT), epoch, SingletonActors.SYSTEM, epoch);
        StateOverlay layer = new StateOverlay(actors.store());
        SendResult result = calls.send(layer, SingletonActors.SYSTEM_ID, to, method, params, TokenAmount.ZERO);
        if (result.isSuccess()) {
            layer.mergeIntoParent();
        }
        return result;
    }

    /** The sender's next nonce, when it has an actor. */
    OptionalLong nonceOf(Address sender) {
        OptionalLong id = init.lookupId(sender);
        return id.isEmpty() ? id : OptionalLong.of(actors.require(id.getAsLong()).callSeqNum());
    }

    private static long checkInclusion(Message m, int chainLength) {
        String malformed = MessageChecks.malformed(m);
        if (malformed != null) {
            throw new InvalidMessageException(InvalidReason.MALFORMED, malformed);
        }
        long onChainGas = PriceList.onChainMessage(chainLength);
        if (m.gasLimit() < onChainGas) {
            throw new InvalidMessageException(InvalidReason.GAS_LIMIT_BELOW_ON_CHAIN_CHARGE, "gas limit " + m.gasLimit()
                    + " is below the " + onChainGas + " gas charged for including the message; raise the gas limit");
        }
        return onChainGas;
    }

    private long checkSender(Message m) {
        OptionalLong senderId = init.lookupId(m.from());
        if (senderId.isEmpty()) {
            throw new InvalidMessageException(InvalidReason.SENDER_UNKNOWN, "sender " + m.from()
                    + " has no actor in this state; fund it first");
        }
        long from = senderId.getAsLong();
        ActorState sender = actors.require(from);
        if (!sender.isAccount()) {
            throw new InvalidMessageException(InvalidReason.SENDER_NOT_ACCOUNT, "sender " + m.from() + " (f0"
                    + Long.toUnsignedString(from) + ") is a " + sender.kind().map(BuiltinActor::actorName).orElse(sender.code().toString())
                    + " actor; only accounts send messages");
        }
        return from;
    }

    /** Against the sender's key address: an ID sender is resolved through its account. */
    private void checkSignature(SignedMessage signed) {
        Message m = signed.message();
        Address keyAddress = init.accountKey(m.from()).orElseThrow();
        if (!signed.signature().verify(keyAddress, m.cid().bytes())) {
            throw new InvalidMessageException(InvalidReason.BAD_SIGNATURE, "signature does not verify for sender "
                    + keyAddress + " over message " + m.cid());
        }
    }

    private void checkNonce(Message m, long from) {
        long expected = actors.require(from).callSeqNum();
        if (m.nonce() != expected) {
            throw new InvalidMessageException(InvalidReason.NONCE_MISMATCH, "nonce " + Long.toUnsignedString(m.nonce())
                    + " is not the sender's next nonce " + Long.toUnsignedString(expected));
        }
    }

    private void checkFunds(Message m, long from, TokenAmount reservation) {
        TokenAmount balance = actors.require(from).balance();
        TokenAmount required = m.value().add(reservation);
        if (balance.compareTo(required) < 0) {
            throw new InvalidMessageException(InvalidReason.INSUFFICIENT_BALANCE, "sender balance " + balance
                    + " is below value + gas limit × fee cap = " + required);
        }
    }

    private void credit(long id, TokenAmount amount) {
        if (amount.isZero()) {
            return;
        }
        ActorState actor = actors.require(id);
        actors.put(id, actor.withBalance(actor.balance().add(amount)));
    }
}

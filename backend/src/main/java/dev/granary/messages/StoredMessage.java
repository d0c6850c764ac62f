package dev.granary.messages;

import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;

/**
 * An outgoing message as the store holds it: what callers see, plus what only the service needs — the
 * signed bytes as pushed now, the max fee its replacements may spend, and the idempotency fingerprint.
 */
record StoredMessage(OutgoingMessage view, SignedMessage signed, TokenAmount maxFee, String requestHash) {

    long id() {
        return view.id();
    }

    MessageState state() {
        return view.state();
    }
}

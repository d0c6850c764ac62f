package dev.granary.ui.wallet;

import com.vaadin.flow.component.html.Span;
import dev.granary.messages.MessageState;
import dev.granary.ui.shell.Badge;

/** An outgoing message's state as a coloured badge, with what it means on hover. */
public final class MessageStates {

    private MessageStates() {}

    public static Span badge(MessageState state) {
        Span badge = Badge.of(state.id(), tone(state));
        badge.setTitle(meaning(state));
        return badge;
    }

    static Badge.Tone tone(MessageState state) {
        return switch (state) {
            case CONFIRMED, EXECUTED -> Badge.Tone.GOOD;
            case FAILED, REJECTED -> Badge.Tone.BAD;
            case RECORDED, PUSHED -> Badge.Tone.WARN;
        };
    }

    static String meaning(MessageState state) {
        return switch (state) {
            case RECORDED -> "Signed and recorded with its nonce; the node pushes it to the pool (again after a restart)";
            case PUSHED -> "In the message pool, waiting for a block; replaced by fee if it waits too long";
            case EXECUTED -> "Executed successfully; waiting for enough tipsets on top to count as confirmed";
            case CONFIRMED -> "Executed successfully, with enough tipsets on top";
            case FAILED -> "Executed with a non-zero exit code: the chain refused what it asked for";
            case REJECTED -> "Refused by the message pool; nothing was sent and its nonce was given back";
        };
    }
}

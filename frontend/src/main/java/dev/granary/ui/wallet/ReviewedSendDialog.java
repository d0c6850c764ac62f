package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.granary.auth.Actor;
import dev.granary.messages.OutgoingMessage;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.Notices;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A dialog that sends one message in three steps: the form; a review that restates what will happen
 * (nothing is sent before the person confirms it); the message followed until it is done. Sending FIL
 * and every control-wallet change go through it, so all of them ask the same way.
 *
 * <p>Ids: {@code <prefix>-review}, {@code <prefix>-summary-<fact>}, {@code <prefix>-back},
 * {@code <prefix>-confirm}, {@code <prefix>-progress-…}, {@code <prefix>-close}.
 */
public class ReviewedSendDialog extends Dialog {

    /** One line of the review: what, and the exact value. */
    public record Fact(String key, String label, String value) {}

    /**
     * What the confirmation restates, and the call that sends once confirmed.
     *
     * @param warning what cannot be undone, in a sentence
     */
    public record Review(List<Fact> facts, String warning, String actionLabel, Function<Actor, OutgoingMessage> send) {}

    private final String idPrefix;
    private final Component form;
    private final Supplier<Optional<Review>> reviewer;
    private final Runnable onSent;

    /**
     * @param reviewer reads the form; empty (after telling the person what to fix) when it is not complete
     * @param onSent   runs when the message was handed over and again when it reaches a final state
     */
    public ReviewedSendDialog(String idPrefix, String title, Component form, Supplier<Optional<Review>> reviewer,
                              Runnable onSent) {
        this.idPrefix = idPrefix;
        this.form = form;
        this.reviewer = reviewer;
        this.onSent = onSent;
        setId(idPrefix + "-dialog");
        setHeaderTitle(title);
        setWidth("720px");
        setCloseOnOutsideClick(false); // a stray click must not lose a half-confirmed send
        showForm();
    }

    /**
     * A dialog with nothing to fill in (confirming a pending change): it opens at the review, and Back
     * becomes Cancel.
     */
    public static ReviewedSendDialog reviewOnly(String idPrefix, String title, Review review, Runnable onSent) {
        ReviewedSendDialog dialog = new ReviewedSendDialog(idPrefix, title, null, () -> Optional.of(review), onSent);
        dialog.showReview(review);
        return dialog;
    }

    private void showForm() {
        if (form == null) {
            return;
        }
        removeAll();
        getFooter().removeAll();
        add(form);
        Button review = new Button("Review", e -> review());
        review.setId(idPrefix + "-review");
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId(idPrefix + "-cancel");
        getFooter().add(cancel, review);
    }

    private void review() {
        Optional<Review> review;
        try {
            review = reviewer.get();
        } catch (IllegalArgumentException e) {
            Notices.error(e.getMessage());
            return;
        }
        review.ifPresent(this::showReview);
    }

    private void showReview(Review review) {
        removeAll();
        getFooter().removeAll();
        FieldCard summary = new FieldCard("What will happen", idPrefix + "-summary");
        review.facts().forEach(f -> summary.text(f.key(), f.label(), f.value()));
        Paragraph warning = new Paragraph("Nothing has been sent yet. " + review.warning());
        warning.addClassName("granary-warning");
        warning.setId(idPrefix + "-warning");
        add(summary, warning);

        Button back = form == null ? new Button("Cancel", e -> close()) : new Button("Back", e -> showForm());
        back.setId(idPrefix + "-back");
        Button confirm = new Button(review.actionLabel());
        confirm.setId(idPrefix + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Disabled by the browser at the click itself: a double click cannot reach the server twice.
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            Optional<OutgoingMessage> sent = AsUser.call(review.send());
            if (sent.isPresent()) {
                showResult(sent.get());
            } else {
                confirm.setEnabled(true);
            }
        });
        getFooter().add(back, confirm);
    }

    private void showResult(OutgoingMessage message) {
        removeAll();
        getFooter().removeAll();
        add(new MessageProgress(idPrefix + "-progress", message, onSent));
        Button close = new Button("Close", e -> close());
        close.setId(idPrefix + "-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        onSent.run();
    }
}

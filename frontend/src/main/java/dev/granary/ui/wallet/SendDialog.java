package dev.granary.ui.wallet;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.SendRequest;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.wallet.WalletEntry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends FIL from a key of this wallet: from, to and amount; then a review naming the fee limit; then
 * the message until it is confirmed. The idempotency key belongs to what was reviewed: a double
 * click, or confirming the same transfer again after a failure, reuses it, so the node sends once;
 * changing the transfer gets a new key.
 */
final class SendDialog {

    private final Select<WalletEntry> from = new Select<>();
    private final TextField to = new TextField("To");
    private final TextField amount = new TextField("Amount");
    private final String maxFee = NodeAccess.node().config().messages().maxFee();
    private String idempotencyKey;
    private String keyedContent;

    private SendDialog() {
        from.setLabel("From");
        from.setId("send-from");
        from.setItemLabelGenerator(SendDialog::describe);
        to.setId("send-to");
        to.setHelperText("An f1, f3, f0 or f2 address");
        to.setClearButtonVisible(true);
        amount.setId("send-amount");
        amount.setHelperText("For example 1.5 FIL or 250 milliFIL; a plain number is FIL");
    }

    /** Opens the dialog with {@code keys} to send from, {@code selected} (else the default) chosen. */
    static void open(List<WalletEntry> keys, Optional<Address> selected, Runnable onSent) {
        SendDialog send = new SendDialog();
        send.from.setItems(keys);
        keys.stream().filter(k -> selected.map(k.address()::equals).orElse(k.isDefault())).findFirst()
            .or(() -> keys.stream().findFirst()).ifPresent(send.from::setValue);
        FormLayout form = new FormLayout(send.from, send.to, send.amount);
        form.setColspan(send.from, 2);
        form.setColspan(send.to, 2);
        new ReviewedSendDialog("send", "Send FIL", form, send::review, onSent).open();
    }

    private Optional<ReviewedSendDialog.Review> review() {
        WalletEntry sender = from.getValue();
        if (sender == null) {
            throw new IllegalArgumentException("choose the key to send from");
        }
        if (to.getValue().isBlank()) {
            throw new IllegalArgumentException("enter the address to send to");
        }
        Address recipient = Address.parse(to.getValue().strip());
        TokenAmount value = TokenAmount.parse(amount.getValue());
        if (value.isZero()) {
            throw new IllegalArgumentException("the amount must be more than 0 FIL");
        }
        String key = keyFor(sender.address() + "→" + recipient + ":" + value.attoFil());
        List<ReviewedSendDialog.Fact> facts = List.of(
            new ReviewedSendDialog.Fact("from", "From", sender.address() + label(sender)),
            new ReviewedSendDialog.Fact("to", "To", recipient.toString()),
            new ReviewedSendDialog.Fact("amount", "Amount", FilAmounts.readable(value) + " (" + FilAmounts.exact(value) + ")"),
            new ReviewedSendDialog.Fact("max-fee", "Fee, at most", maxFee + " (messages.max-fee)"),
            new ReviewedSendDialog.Fact("balance", "Balance of the sender now", FilAmounts.readable(sender.balance())));
        String warning = "Sending moves " + FilAmounts.readable(value) + " from " + ShortText.shorten(sender.address().toString())
            + " to " + ShortText.shorten(recipient.toString()) + " and pays at most " + maxFee
            + " in gas. A transfer on chain cannot be undone.";
        return Optional.of(new ReviewedSendDialog.Review(facts, warning, "Send " + FilAmounts.readable(value),
            actor -> NodeAccess.node().messages().send(actor,
                SendRequest.transfer(sender.address(), recipient, value, Optional.of(key)))));
    }

    /** The same key for the same transfer, a new one when the transfer changed. */
    private String keyFor(String content) {
        if (!content.equals(keyedContent)) {
            idempotencyKey = "dashboard-send-" + UUID.randomUUID();
            keyedContent = content;
        }
        return idempotencyKey;
    }

    static String describe(WalletEntry key) {
        return ShortText.shorten(key.address().toString()) + label(key) + " · " + FilAmounts.readable(key.balance());
    }

    private static String label(WalletEntry key) {
        return key.label() == null || key.label().isBlank() ? "" : " (" + key.label() + ")";
    }
}

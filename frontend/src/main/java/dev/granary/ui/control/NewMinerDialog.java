package dev.granary.ui.control;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import dev.granary.address.Address;
import dev.granary.chain.actors.miner.RegisteredPoStProof;
import dev.granary.control.NewMiner;
import dev.granary.control.NewMinerRequest;
import dev.granary.crypto.KeyType;
import dev.granary.fil.TokenAmount;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.wallet.ReviewedSendDialog;
import dev.granary.ui.wallet.ReviewedSendDialog.Fact;
import dev.granary.ui.wallet.ReviewedSendDialog.Review;
import dev.granary.wallet.WalletEntry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new miner from keys of this wallet, like `lotus-miner init --owner --worker --sector-size`: the owner
 * signs CreateMiner, the worker is a BLS key; a review, then the message until it is confirmed, and the
 * new miner handed to the page. Ids: {@code new-miner-owner}, {@code new-miner-worker},
 * {@code new-miner-sector-size}, and {@link ReviewedSendDialog}'s under {@code new-miner}.
 */
final class NewMinerDialog {

    static final String PREFIX = "new-miner";

    private final Select<WalletEntry> owner = new Select<>();
    private final Select<WalletEntry> worker = new Select<>();
    private final Select<String> sectorSize = new Select<>();
    private final Consumer<Address> created;
    private final Runnable onSent;
    private NewMiner sent;
    private String idempotencyKey;
    private String keyedContent;

    private NewMinerDialog(List<WalletEntry> keys, Consumer<Address> created, Runnable onSent) {
        this.created = created;
        this.onSent = onSent;
        owner.setLabel("Owner");
        owner.setId(PREFIX + "-owner");
        owner.setItems(keys);
        owner.setItemLabelGenerator(NewMinerDialog::describe);
        owner.setHelperText("Signs and pays for CreateMiner, and controls the miner's funds; it needs FIL");
        worker.setLabel("Worker");
        worker.setId(PREFIX + "-worker");
        worker.setItems(keys.stream().filter(k -> k.type() == KeyType.BLS).toList());
        worker.setItemLabelGenerator(NewMinerDialog::describe);
        worker.setHelperText("A BLS key with an account on chain (send it some FIL first); it signs blocks and PoSt");
        sectorSize.setLabel("Sector size");
        sectorSize.setId(PREFIX + "-sector-size");
        sectorSize.setItems(RegisteredPoStProof.NEW_MINER_SECTOR_SIZES);
        sectorSize.setValue(RegisteredPoStProof.NEW_MINER_SECTOR_SIZES.getFirst());
        keys.stream().filter(WalletEntry::isDefault).findFirst().ifPresent(owner::setValue);
    }

    /**
     * @param created gets the new miner's ID address once the message has executed
     * @param onSent  runs when the message is handed over and when it is final (refreshes the page)
     */
    static void open(Consumer<Address> created, Runnable onSent) {
        List<WalletEntry> keys = AsUser.read(actor -> NodeAccess.node().wallets().list(actor));
        NewMinerDialog dialog = new NewMinerDialog(keys, created, onSent);
        FormLayout form = new FormLayout(dialog.owner, dialog.worker, dialog.sectorSize);
        form.setColspan(dialog.owner, 2);
        form.setColspan(dialog.worker, 2);
        new ReviewedSendDialog(PREFIX, "Create a miner", form, dialog::review, dialog::progressed).open();
    }

    private Optional<Review> review() {
        WalletEntry o = owner.getValue();
        WalletEntry w = worker.getValue();
        if (o == null) {
            throw new IllegalArgumentException("choose the owner key");
        }
        if (w == null) {
            throw new IllegalArgumentException("choose a BLS worker key (create one on the Wallets page and send it FIL)");
        }
        String size = sectorSize.getValue();
        RegisteredPoStProof.forNewMiner(size);
        NewMinerRequest request = new NewMinerRequest(o.address(), w.address(), Optional.empty(), size, TokenAmount.ZERO,
            Optional.empty(), Optional.of(keyFor(o.address() + "/" + w.address() + "/" + size)));
        return Optional.of(new Review(List.of(
            new Fact("message", "Message", "CreateMiner to the power actor (f04)"),
            new Fact("owner", "Owner, signs and pays", o.address() + " · " + FilAmounts.readable(o.balance())),
            new Fact("worker", "Worker", w.address().toString()),
            new Fact("sector-size", "Sector size", size),
            new Fact("max-fee", "Fee, at most", NodeAccess.node().config().messages().maxFee() + " (messages.max-fee)")),
            "A new miner actor is created when a block executes the message; it cannot be removed. Its sector size"
                + " cannot be changed later.",
            "Send CreateMiner",
            actor -> {
                sent = NodeAccess.node().control().createMiner(actor, request);
                return sent.message();
            }));
    }

    /** Once the message has executed, the page shows the new miner. */
    private void progressed() {
        if (sent != null) {
            try {
                NewMiner now = AsUser.read(actor -> NewMiner.of(NodeAccess.node().messages().get(actor,
                    sent.message().id()), true));
                now.miner().ifPresent(m -> created.accept(m.idAddress()));
            } catch (RuntimeException e) {
                // The progress card shows the message's state; the page's poll shows why reads fail.
            }
        }
        onSent.run();
    }

    /** The same key for the same miner, so a second confirmation after an error sends once. */
    private String keyFor(String content) {
        if (!content.equals(keyedContent)) {
            idempotencyKey = "dashboard-create-miner-" + UUID.randomUUID();
            keyedContent = content;
        }
        return idempotencyKey;
    }

    private static String describe(WalletEntry key) {
        String label = key.label() == null || key.label().isBlank() ? "" : " (" + key.label() + ")";
        return ShortText.shorten(key.address().toString()) + label + " · " + FilAmounts.readable(key.balance());
    }
}

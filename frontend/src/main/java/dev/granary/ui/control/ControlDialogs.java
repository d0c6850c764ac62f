package dev.granary.ui.control;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.address.Address;
import dev.granary.control.ControlOverview;
import dev.granary.control.ControlService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.wallet.ReviewedSendDialog;
import dev.granary.ui.wallet.ReviewedSendDialog.Fact;
import dev.granary.ui.wallet.ReviewedSendDialog.Review;
import java.util.List;
import java.util.Optional;

/**
 * The messages that change who controls a miner, each asked for, restated and then followed until it
 * is confirmed ({@link ReviewedSendDialog}). The node's control service builds, signs and sends them.
 */
final class ControlDialogs {

    static final String PROPOSE = "Propose a new owner (signed by the current owner)";
    static final String CONFIRM = "Confirm as the new owner (signed by the new owner)";

    private ControlDialogs() {}

    /** ChangeWorkerAddress from the owner, worker unchanged, with new control addresses. */
    static void setControlAddresses(ControlOverview overview, Runnable onSent) {
        List<Address> current = withRole(overview, "control-").stream().map(ControlDialogs::keyOrId).toList();
        TextArea addresses = new TextArea("Control addresses");
        addresses.setId("control-set-addresses");
        addresses.setValue(AddressList.format(current));
        addresses.setHelperText("Separated by commas or new lines; empty removes them all. Each needs an account on"
            + " chain (send it some FIL first). PoSt uses these first, so give them funds.");
        addresses.setWidthFull();
        new ReviewedSendDialog("control-set", "Set the control addresses of " + overview.miner(), new FormLayout(addresses), () -> {
            List<Address> wanted = AddressList.parse(addresses.getValue());
            return Optional.of(new Review(List.of(
                new Fact("miner", "Miner", overview.miner().toString()),
                new Fact("message", "Message", "ChangeWorkerAddress, worker unchanged"),
                new Fact("sender", "Signed by", "the owner, " + owner(overview)),
                new Fact("worker", "Worker", "unchanged: " + worker(overview)),
                new Fact("before", "Control addresses now", AddressList.describe(current)),
                new Fact("after", "Control addresses after", AddressList.describe(wanted))),
                "The control addresses change as soon as a block executes the message.",
                "Send ChangeWorkerAddress",
                actor -> control().setControlAddresses(actor, overview.miner(), wanted)));
        }, onSent).open();
    }

    /** ChangeWorkerAddress from the owner proposing a new worker; it takes effect after the chain's delay. */
    static void proposeWorker(ControlOverview overview, Runnable onSent) {
        TextField newWorker = new TextField("New worker");
        newWorker.setId("control-new-worker");
        newWorker.setHelperText("A BLS (f3) or secp256k1 (f1) address with an account on chain");
        newWorker.setWidthFull();
        new ReviewedSendDialog("control-worker", "Change the worker of " + overview.miner(), new FormLayout(newWorker), () -> {
            Address proposed = Address.parse(newWorker.getValue().strip());
            return Optional.of(new Review(List.of(
                new Fact("miner", "Miner", overview.miner().toString()),
                new Fact("message", "Message", "ChangeWorkerAddress with a new worker"),
                new Fact("sender", "Signed by", "the owner, " + owner(overview)),
                new Fact("worker", "Worker now", worker(overview)),
                new Fact("new-worker", "Proposed worker", proposed.toString()),
                new Fact("control", "Control addresses", "kept: " + AddressList.describe(
                    withRole(overview, "control-").stream().map(ControlOverview.Entry::idAddress).toList()))),
                "The worker changes only after the chain's worker-key change delay, and only once the owner confirms"
                    + " it (Confirm worker change, on this page, when it is due).",
                "Send ChangeWorkerAddress",
                actor -> control().proposeWorkerChange(actor, overview.miner(), proposed)));
        }, onSent).open();
    }

    /** ConfirmChangeWorkerAddress from the owner, once the pending change is due. */
    static void confirmWorker(ControlOverview overview, Runnable onSent) {
        Review review = new Review(List.of(
            new Fact("miner", "Miner", overview.miner().toString()),
            new Fact("message", "Message", "ConfirmChangeWorkerAddress"),
            new Fact("sender", "Signed by", "the owner, " + owner(overview)),
            new Fact("worker", "Worker now", worker(overview)),
            new Fact("new-worker", "New worker", overview.pendingWorker().map(Address::toString).orElse("none pending")),
            new Fact("due", "Due since epoch", overview.pendingWorkerEffectiveAt().isPresent()
                ? String.valueOf(overview.pendingWorkerEffectiveAt().getAsLong()) : "")),
            "From then on the new worker signs the miner's messages; make sure its key is at hand and funded.",
            "Send ConfirmChangeWorkerAddress",
            actor -> control().confirmWorkerChange(actor, overview.miner()));
        ReviewedSendDialog.reviewOnly("control-confirm-worker", "Confirm the worker change of " + overview.miner(),
            review, onSent).open();
    }

    /** ChangeOwnerAddress: proposed by the current owner, then confirmed by the new owner with its own address. */
    static void changeOwner(ControlOverview overview, Runnable onSent) {
        RadioButtonGroup<String> step = new RadioButtonGroup<>("Step");
        step.setId("control-owner-step");
        step.setItems(PROPOSE, CONFIRM);
        step.setValue(overview.pendingOwner().isPresent() ? CONFIRM : PROPOSE);
        TextField newOwner = new TextField("New owner");
        newOwner.setId("control-new-owner");
        newOwner.setWidthFull();
        overview.pendingOwner().ifPresent(a -> newOwner.setValue(a.toString()));
        FormLayout form = new FormLayout(step, newOwner);
        form.setColspan(step, 2);
        form.setColspan(newOwner, 2);
        new ReviewedSendDialog("control-owner", "Change the owner of " + overview.miner(), form, () -> {
            Address owner = Address.parse(newOwner.getValue().strip());
            boolean proposing = PROPOSE.equals(step.getValue());
            return Optional.of(new Review(List.of(
                new Fact("miner", "Miner", overview.miner().toString()),
                new Fact("message", "Message", "ChangeOwnerAddress(" + owner + ")"),
                new Fact("sender", "Signed by", proposing ? "the current owner, " + owner(overview) : "the new owner, " + owner),
                new Fact("owner", "Owner now", owner(overview)),
                new Fact("new-owner", "New owner", owner.toString())),
                proposing ? "Nothing changes until the new owner confirms with the same message from its own key."
                    : "The owner changes when a block executes the message: the old owner loses control of the miner"
                        + " and its funds.",
                "Send ChangeOwnerAddress",
                actor -> proposing ? control().proposeOwnerChange(actor, overview.miner(), owner)
                    : control().confirmOwnerChange(actor, overview.miner(), owner)));
        }, onSent).open();
    }

    private static ControlService control() {
        return NodeAccess.node().control();
    }

    private static List<ControlOverview.Entry> withRole(ControlOverview overview, String rolePrefix) {
        return overview.addresses().stream().filter(e -> e.roles().stream().anyMatch(r -> r.startsWith(rolePrefix))).toList();
    }

    private static String owner(ControlOverview overview) {
        return withRole(overview, "owner").stream().findFirst().map(ControlDialogs::describe).orElse("unknown");
    }

    private static String worker(ControlOverview overview) {
        return withRole(overview, "worker").stream().findFirst().map(ControlDialogs::describe).orElse("unknown");
    }

    private static String describe(ControlOverview.Entry entry) {
        return SenderTable.describe(entry.idAddress(), entry.keyAddress());
    }

    private static Address keyOrId(ControlOverview.Entry entry) {
        return entry.keyAddress().orElse(entry.idAddress());
    }
}

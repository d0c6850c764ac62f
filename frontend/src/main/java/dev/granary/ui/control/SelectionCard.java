package dev.granary.ui.control;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.address.Address;
import dev.granary.auth.Permission;
import dev.granary.control.SelectionConfig;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.Notices;
import dev.granary.ui.wallet.Gate;
import java.util.List;

/**
 * The miner's sender configuration, Lotus' [Addresses] section: addresses per message type, and
 * whether worker and owner may stand in. Changing it sends nothing; it changes the choices above.
 */
final class SelectionCard extends Div {

    private final FieldCard card = new FieldCard("Sender configuration", "control-selection");
    private final Button edit = new Button("Edit", VaadinIcon.EDIT.create());
    private final Runnable changed;
    private Address miner;
    private SelectionConfig config = SelectionConfig.DEFAULT;

    SelectionCard(Runnable changed) {
        this.changed = changed;
        edit.setId("control-selection-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.addClickListener(e -> openEditor());
        add(card, Gate.onlyFor(Permission.SIGN, edit));
    }

    void show(Address shownMiner, SelectionConfig shown) {
        miner = shownMiner;
        config = shown;
        card.text("pre-commit", "PreCommit", describe(shown.preCommitControl()));
        card.text("commit", "Commit", describe(shown.commitControl()));
        card.text("terminate", "Terminate", describe(shown.terminateControl()));
        card.text("deal-publish", "DealPublish", describe(shown.dealPublishControl()));
        card.text("worker-fallback", "Worker may stand in", shown.disableWorkerFallback() ? "no" : "yes");
        card.text("owner-fallback", "Owner may stand in", shown.disableOwnerFallback() ? "no" : "yes");
    }

    private static String describe(List<Address> addresses) {
        return addresses.isEmpty() ? "none configured" : AddressList.format(addresses);
    }

    private void openEditor() {
        Dialog dialog = new Dialog();
        dialog.setId("control-selection-dialog");
        dialog.setHeaderTitle("Senders of " + miner);
        TextField preCommit = field("PreCommit", "control-selection-pre-commit", config.preCommitControl());
        TextField commit = field("Commit", "control-selection-commit", config.commitControl());
        TextField terminate = field("Terminate", "control-selection-terminate", config.terminateControl());
        TextField dealPublish = field("DealPublish", "control-selection-deal-publish", config.dealPublishControl());
        Checkbox noWorker = new Checkbox("Never fall back to the worker", config.disableWorkerFallback());
        noWorker.setId("control-selection-disable-worker");
        Checkbox noOwner = new Checkbox("Never fall back to the owner", config.disableOwnerFallback());
        noOwner.setId("control-selection-disable-owner");
        FormLayout form = new FormLayout(preCommit, commit, terminate, dealPublish, noWorker, noOwner);
        dialog.add(form);
        dialog.setWidth("720px");
        Button save = new Button("Save", e -> {
            if (AsUser.run(actor -> NodeAccess.node().control().setSelectionConfig(actor, miner, new SelectionConfig(
                AddressList.parse(preCommit.getValue()), AddressList.parse(commit.getValue()),
                AddressList.parse(terminate.getValue()), AddressList.parse(dealPublish.getValue()),
                noOwner.getValue(), noWorker.getValue())))) {
                Notices.success("Sender configuration of " + miner + " saved.");
                dialog.close();
                changed.run();
            }
        });
        save.setId("control-selection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static TextField field(String label, String id, List<Address> addresses) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(AddressList.format(addresses));
        field.setHelperText("Addresses separated by commas; empty: control addresses, then worker and owner");
        return field;
    }
}

package dev.granary.ui.storage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.storage.AttachRequest;
import dev.granary.storage.PathInfo;
import dev.granary.storage.StorageService;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.shell.Notices;
import dev.granary.units.ByteSize;
import java.util.function.Consumer;

/**
 * Attaches a directory as a storage path, as {@code granary storage attach} does: with "create
 * sectorstore.json" the options below are written into a new file; without, the directory must already
 * hold one (from an earlier attach, or from lotus-miner) and its options are used as they are.
 */
final class AttachPathDialog extends Dialog {

    private final TextField directory = new TextField("Directory on this node");
    private final Checkbox init = new Checkbox("Create sectorstore.json (a new, empty path)");
    private final Checkbox canSeal = new Checkbox("Sealing (scratch space for sectors being sealed)");
    private final Checkbox canStore = new Checkbox("Storage (finalized sectors, read by proving)");
    private final IntegerField weight = new IntegerField("Weight");
    private final TextField maxStorage = new TextField("Maximum storage");
    private final TextField groups = new TextField("Groups");
    private final TextField allowTo = new TextField("Sends to groups");
    private final TextField allowTypes = new TextField("Only file types");
    private final TextField denyTypes = new TextField("Never file types");
    private final TextField allowMiners = new TextField("Only miners");
    private final TextField denyMiners = new TextField("Never miners");
    private final FormLayout options;

    AttachPathDialog(StorageService storage, Consumer<PathInfo> onAttached) {
        setHeaderTitle("Attach a storage path");
        setId("attach-dialog");
        directory.setId("attach-directory");
        directory.setPlaceholder("/srv/granary/store-1");
        directory.setHelperText("An existing directory this node can write, e.g. the mount point of a disk");
        directory.setWidthFull();
        init.setId("attach-init");
        canSeal.setId("attach-seal");
        canStore.setId("attach-store");
        canStore.setValue(true);
        weight.setId("attach-weight");
        weight.setValue((int) AttachRequest.DEFAULT_WEIGHT);
        weight.setMin(0);
        weight.setStepButtonsVisible(true);
        weight.setHelperText("Higher weights are chosen first; 0 makes the path read-only");
        maxStorage.setId("attach-max-storage");
        maxStorage.setPlaceholder("e.g. 2TiB");
        maxStorage.setHelperText("Empty: the whole file system");
        groups.setId("attach-groups");
        groups.setHelperText("Comma-separated names of the groups this path belongs to");
        allowTo.setId("attach-allow-to");
        allowTo.setHelperText("Groups whose paths may take files from this one; empty: any");
        allowTypes.setHelperText("e.g. sealed, cache; empty: every type");
        denyTypes.setHelperText("e.g. unsealed");
        allowMiners.setHelperText("e.g. f01000; empty: every miner");
        denyMiners.setHelperText("e.g. f01001");

        options = new FormLayout(canSeal, canStore, weight, maxStorage, groups, allowTo);
        options.setId("attach-options");
        options.setColspan(canSeal, 2);
        options.setColspan(canStore, 2);
        Details restrictions = new Details("Restrict file types and miners", new FormLayout(allowTypes, denyTypes,
            allowMiners, denyMiners));
        options.add(restrictions, 2);
        Paragraph existing = new Paragraph("The directory must hold a sectorstore.json already (from an earlier attach,"
            + " or lotus-miner's), and its options apply. Sector files in it are declared as found.");
        existing.setId("attach-existing");
        existing.addClassName("granary-notice");
        init.addValueChangeListener(e -> {
            options.setVisible(e.getValue());
            existing.setVisible(!e.getValue());
        });
        options.setVisible(false);

        add(new FormLayout(directory, init), existing, options);
        setWidth("680px");

        Button attach = new Button("Attach", e -> AsUser.call(actor -> storage.attach(actor, request())).ifPresent(p -> {
            Notices.success("Attached " + p.localPath() + " as storage path " + p.id() + ".");
            close();
            onAttached.accept(p);
        }));
        attach.setId("attach-submit");
        attach.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, attach);
    }

    /** Parsing errors (a size like "2 parsecs") are IllegalArgumentExceptions: AsUser tells the person. */
    private AttachRequest request() {
        if (!init.getValue()) {
            return AttachRequest.existing(directory.getValue());
        }
        if (weight.isInvalid() || weight.getValue() == null) {
            throw new IllegalArgumentException("the weight must be a whole number from 0 (it is empty or not a number)");
        }
        String max = maxStorage.getValue();
        return new AttachRequest(directory.getValue(), true, weight.getValue(), canSeal.getValue(), canStore.getValue(),
            max == null || max.isBlank() ? 0 : ByteSize.parse(max), TextList.parse(groups.getValue()),
            TextList.parse(allowTo.getValue()), TextList.parse(allowTypes.getValue()), TextList.parse(denyTypes.getValue()),
            TextList.parse(allowMiners.getValue()), TextList.parse(denyMiners.getValue()));
    }
}

package dev.granary.ui.storage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.granary.storage.PathInfo;
import dev.granary.storage.Reservation;
import dev.granary.storage.StorageService;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.shell.Notices;
import dev.granary.units.ByteSize;
import java.util.List;

/**
 * Detaches a path: the node forgets it and its sector files, which stay on disk. While tasks hold
 * reservations there the node refuses; the dialog says which, and offers force — for a dead disk — only
 * after the person types the path's directory, since the tasks using it will then fail.
 */
final class DetachPathDialog extends Dialog {

    static final int SHOWN_RESERVATIONS = 10;

    DetachPathDialog(StorageService storage, PathInfo path, List<Reservation> inUse, Runnable onDetached) {
        setHeaderTitle("Detach " + PathText.location(path) + "?");
        setId("detach-dialog");
        setWidth("640px");
        int files = path.fileCounts().values().stream().mapToInt(Integer::intValue).sum();
        add(new Paragraph("The node forgets storage path " + path.id() + " and the " + files + " sector file(s) it"
            + " holds; the files stay on disk. Attach the directory again (without \"create\") to use them again."));
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("detach-cancel");
        if (inUse.isEmpty()) {
            Button detach = new Button("Detach", e -> detach(storage, path, false, onDetached));
            detach.setId("detach-submit");
            detach.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            getFooter().add(cancel, detach);
            return;
        }
        add(refusal(inUse));
        String word = PathText.confirmationWord(path);
        TextField confirm = new TextField("Type " + word + " to detach it anyway");
        confirm.setId("detach-confirm");
        confirm.setWidthFull();
        confirm.setValueChangeMode(ValueChangeMode.EAGER);
        Button force = new Button("Force detach", e -> detach(storage, path, true, onDetached));
        force.setId("detach-force");
        force.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        force.setEnabled(false);
        confirm.addValueChangeListener(e -> force.setEnabled(word.equals(e.getValue().strip())));
        add(confirm);
        getFooter().add(cancel, force);
    }

    private static Div refusal(List<Reservation> inUse) {
        Div box = new Div();
        box.setId("detach-in-use");
        box.addClassName("granary-warning");
        box.add(new Paragraph("This path is in use: " + inUse.size() + " reservation(s) of tasks that have not finished"
            + " writing. The node refuses to detach it until they finish. Force only for a dead disk: the"
            + " reservations are dropped and those tasks fail."));
        UnorderedList list = new UnorderedList();
        inUse.stream().limit(SHOWN_RESERVATIONS).forEach(r -> list.add(new ListItem(r.sector() + " " + r.type().id()
            + ": " + ByteSize.format(r.bytes()) + " for " + r.purpose())));
        if (inUse.size() > SHOWN_RESERVATIONS) {
            list.add(new ListItem("and " + (inUse.size() - SHOWN_RESERVATIONS) + " more"));
        }
        box.add(list);
        return box;
    }

    private void detach(StorageService storage, PathInfo path, boolean force, Runnable onDetached) {
        if (AsUser.run(actor -> storage.detach(actor, path.id(), force))) {
            Notices.success((force ? "Force-detached " : "Detached ") + PathText.location(path) + ".");
            close();
            onDetached.run();
        }
    }
}

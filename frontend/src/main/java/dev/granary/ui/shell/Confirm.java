package dev.granary.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before something that cannot be undone. */
public final class Confirm {

    private Confirm() {}

    public static void ask(String title, String text, String actionLabel, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-dialog");
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        Button confirm = new Button(actionLabel, e -> {
            dialog.close();
            action.run();
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("confirm-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}

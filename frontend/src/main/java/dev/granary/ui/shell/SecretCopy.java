package dev.granary.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A copy button for a secret (a token, an exported key). Unlike the address copy buttons, a failure
 * never repeats the text in a notice (which would outlive the dialog): the person selects the field
 * and copies it by hand.
 */
public final class SecretCopy {

    private SecretCopy() {}

    public static Button button(String id, String what, String secret) {
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> Clipboard.copy(secret)
            .then(done -> Notices.success("Copied " + what + " to the clipboard."),
                failed -> Notices.error("This browser does not allow copying here; select " + what + " and copy it by hand.")));
        copy.setId(id);
        return copy;
    }
}

package dev.granary.ui.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.auth.IssuedToken;
import dev.granary.ui.shell.SecretCopy;

/**
 * The one time a token's value is shown. The node keeps only its id; once this dialog closes the
 * value is gone from the page and from the server's memory of it.
 */
final class IssuedTokenDialog extends Dialog {

    IssuedTokenDialog(IssuedToken issued) {
        setHeaderTitle("Token created");
        setId("issued-token-dialog");
        setCloseOnOutsideClick(false); // closing by a stray click would lose the value for good
        TextField value = new TextField("Token " + issued.record().name() + " (id " + issued.record().jti() + ")");
        value.setId("issued-token");
        value.setValue(issued.token());
        value.setReadOnly(true);
        value.setWidthFull();
        Button copy = SecretCopy.button("copy-token", "the token", issued.token());
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        Paragraph warning = new Paragraph("Copy the token now: this is the only time it is shown. Scripts send it"
            + " as 'Authorization: Bearer <token>'; the granary CLI reads it from GRANARY_API_INFO=<token>:<node URL>.");
        warning.addClassName("granary-warning");
        add(warning, row);
        setWidth("760px");

        Button done = new Button("Done", e -> {
            value.clear();
            close();
        });
        done.setId("issued-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                value.clear();
            }
        });
    }
}

package dev.granary.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.granary.auth.UserService;

/** A temporary password field with a button that fills in a random one (the eye icon shows it). */
final class PasswordWithGenerator extends HorizontalLayout {

    private final PasswordField field;

    PasswordWithGenerator(String label, String id) {
        field = new PasswordField(label);
        field.setId(id);
        field.setAutocomplete(Autocomplete.NEW_PASSWORD);
        field.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH
            + " characters. The user must change it at their next sign-in.");
        field.setWidthFull();
        Button generate = new Button("Generate", e -> field.setValue(TemporaryPasswords.generate()));
        generate.setId(id + "-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(field, generate);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        setPadding(false);
    }

    String value() {
        return field.getValue();
    }
}

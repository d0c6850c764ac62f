package dev.granary.ui.users;

import com.vaadin.flow.component.textfield.TextField;

/** The miner-scope text field shared by the user and token dialogs. */
public final class MinerField {

    private MinerField() {}

    public static TextField create(String id) {
        TextField field = new TextField("Miners");
        field.setId(id);
        field.setPlaceholder("all miners");
        field.setHelperText("Miner IDs separated by commas, such as f01234; empty for all miners");
        field.setWidthFull();
        return field;
    }
}

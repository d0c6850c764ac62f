package dev.granary.ui.wallet;

import com.vaadin.flow.component.select.Select;
import dev.granary.crypto.KeyFormat;
import java.util.List;

/** Choosing a Lotus key format, named as `lotus wallet export/import --format` names them. */
final class KeyFormats {

    private KeyFormats() {}

    static Select<KeyFormat> select(String id) {
        Select<KeyFormat> select = new Select<>();
        select.setLabel("Format");
        select.setId(id);
        select.setItems(List.of(KeyFormat.values()));
        select.setItemLabelGenerator(KeyFormats::describe);
        select.setValue(KeyFormat.HEX_LOTUS);
        return select;
    }

    static String describe(KeyFormat format) {
        return switch (format) {
            case HEX_LOTUS -> "hex-lotus (what lotus wallet export prints)";
            case JSON_LOTUS -> "json-lotus (the KeyInfo JSON)";
        };
    }
}

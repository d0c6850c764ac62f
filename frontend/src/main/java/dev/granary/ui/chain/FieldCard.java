package dev.granary.ui.chain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A titled card of label/value rows, styled as the Overview's cards, whose values may be components
 * (CIDs with a copy button, badges) as well as text. A value's element id is {@code <card>-<key>}.
 */
final class FieldCard extends Div {

    private final Map<String, Span> values = new LinkedHashMap<>();
    private final String idPrefix;

    FieldCard(String title, String idPrefix) {
        this.idPrefix = idPrefix;
        addClassName("granary-card");
        setId(idPrefix);
        add(new H3(title));
    }

    /** Sets a row to {@code text}; an empty text hides the row (nothing to say is better than a blank). */
    Span text(String key, String label, String text) {
        Span value = row(key, label);
        value.removeAll();
        value.setText(text == null ? "" : text);
        value.getParent().ifPresent(row -> row.setVisible(text != null && !text.isEmpty()));
        return value;
    }

    /** Sets a row to {@code parts}, side by side. */
    Span components(String key, String label, Component... parts) {
        Span value = row(key, label);
        value.removeAll();
        value.add(parts);
        value.getParent().ifPresent(row -> row.setVisible(true));
        return value;
    }

    private Span row(String key, String label) {
        return values.computeIfAbsent(key, k -> {
            Span l = new Span(label);
            l.addClassName("label");
            Span v = new Span();
            v.addClassName("value");
            v.setId(idPrefix + "-" + k);
            Div row = new Div(l, v);
            row.addClassName("granary-field");
            add(row);
            return v;
        });
    }
}

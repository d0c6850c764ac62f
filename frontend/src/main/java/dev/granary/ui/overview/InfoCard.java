package dev.granary.ui.overview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/** A titled card of label/value rows whose values can be updated in place on refresh. */
final class InfoCard extends Div {

    private final Span badge = new Span();
    private final Map<String, Span> values = new LinkedHashMap<>();
    private final String idPrefix;

    InfoCard(String title, String idPrefix) {
        this.idPrefix = idPrefix;
        addClassName("granary-card");
        setId(idPrefix);
        badge.addClassName("granary-badge");
        badge.setId(idPrefix + "-status");
        H3 heading = new H3(title + " ");
        heading.add(badge);
        add(heading);
    }

    InfoCard status(boolean up) {
        badge.setText(up ? "up" : "down");
        badge.removeClassNames("up", "down");
        badge.addClassName(up ? "up" : "down");
        return this;
    }

    /** Sets a row's value, adding the row the first time; the value's element id is {@code <card>-<key>}. */
    InfoCard field(String key, String label, String value) {
        Span valueSpan = values.computeIfAbsent(key, k -> {
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
        String text = value == null ? "" : value;
        valueSpan.setText(text);
        // Rows without a value (an error when all is well) are hidden rather than shown empty.
        valueSpan.getParent().ifPresent(row -> row.setVisible(!text.isEmpty()));
        return this;
    }
}

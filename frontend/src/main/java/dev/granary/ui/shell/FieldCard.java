package dev.granary.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A titled card of label/value rows, updated in place at each refresh (the Overview's and the Chain
 * view's cards). Rows appear in the order they are first set. A value may be text or components (CIDs
 * with a copy button, badges); its element id is {@code <card>-<key>}.
 */
public final class FieldCard extends Div {

    private final H3 heading;
    private final Map<String, Span> values = new LinkedHashMap<>();
    private final String idPrefix;
    private Span statusBadge;

    public FieldCard(String title, String idPrefix) {
        this.idPrefix = idPrefix;
        addClassName("granary-card");
        setId(idPrefix);
        heading = new H3(title);
        add(heading);
    }

    /** An "up"/"down" badge beside the title, id {@code <card>-status}, added the first time. */
    public void status(boolean up) {
        if (statusBadge == null) {
            statusBadge = new Span();
            statusBadge.addClassName("granary-badge");
            statusBadge.setId(idPrefix + "-status");
            heading.add(new Text(" "), statusBadge);
        }
        statusBadge.setText(up ? "up" : "down");
        statusBadge.removeClassNames("up", "down");
        statusBadge.addClassName(up ? "up" : "down");
    }

    /** Sets a row to {@code text}; an empty or null text hides the row (nothing to say is better than a blank). */
    public Span text(String key, String label, String text) {
        Span value = row(key, label);
        value.setText(text == null ? "" : text);
        value.getParent().ifPresent(row -> row.setVisible(text != null && !text.isEmpty()));
        return value;
    }

    /** Sets a row to {@code parts}, side by side. */
    public Span components(String key, String label, Component... parts) {
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

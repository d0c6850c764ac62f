package dev.granary.ui.overview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.granary.alerts.Alert;
import dev.granary.alerts.Severity;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.Times;
import java.util.List;

/** The open alerts on the overview: what an operator must act on, most severe first. */
final class OpenAlerts extends Div {

    static final int SHOWN = 20;

    private final Div rows = new Div();
    private List<Alert> shown = List.of();

    OpenAlerts() {
        setId("open-alerts");
        addClassName("granary-alerts");
        add(new H3("Alerts"), rows);
        show(List.of());
    }

    /** Redraws only when the alerts changed, so a poll every few seconds does not rebuild the DOM. */
    void show(List<Alert> alerts) {
        if (!rows.getChildren().toList().isEmpty() && alerts.equals(shown)) {
            return;
        }
        shown = List.copyOf(alerts);
        rows.removeAll();
        if (alerts.isEmpty()) {
            Span none = new Span("No open alerts.");
            none.setId("no-alerts");
            rows.add(none);
            return;
        }
        for (Alert alert : alerts) {
            Div row = new Div(Badge.of(alert.severity().id(), tone(alert.severity())),
                new Span(" " + alert.message() + " "), quiet("since " + Times.utc(alert.raisedAt())));
            row.addClassName("granary-alert");
            row.getElement().setAttribute("data-key", alert.key());
            rows.add(row);
        }
    }

    /** The alerts could not be read (the database is down, say): say so instead of showing stale ones. */
    void unavailable(String reason) {
        shown = List.of();
        rows.removeAll();
        rows.add(new Span("Alerts cannot be read right now: " + reason));
    }

    private static Span quiet(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    private static Badge.Tone tone(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Badge.Tone.BAD;
            case WARNING -> Badge.Tone.WARN;
            case INFO -> Badge.Tone.PLAIN;
        };
    }
}

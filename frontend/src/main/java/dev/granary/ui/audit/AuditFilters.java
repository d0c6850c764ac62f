package dev.granary.ui.audit;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.granary.audit.AuditQuery;
import dev.granary.audit.Outcome;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The audit log's filters; any change runs the query again from the newest entry. */
final class AuditFilters extends HorizontalLayout {

    static final String ANY = "any";

    private final TextField actor = text("Who", "audit-actor");
    private final TextField action = text("Action", "audit-action");
    private final TextField target = text("Target", "audit-target");
    private final Select<String> outcome = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("Until (UTC)");

    AuditFilters(Runnable onChange) {
        List<String> outcomes = new ArrayList<>(List.of(ANY));
        for (Outcome o : Outcome.values()) {
            outcomes.add(o.id());
        }
        outcome.setLabel("Outcome");
        outcome.setId("audit-outcome");
        outcome.setItems(outcomes);
        outcome.setValue(ANY);
        outcome.setWidth("7em");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setWidth("14.5em");
        to.setWidth("14.5em");
        for (TextField field : List.of(actor, action, target)) {
            field.addValueChangeListener(e -> onChange.run());
        }
        outcome.addValueChangeListener(e -> onChange.run());
        from.addValueChangeListener(e -> onChange.run());
        to.addValueChangeListener(e -> onChange.run());
        add(actor, action, target, outcome, from, to);
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    /** The query for one page: {@code before} is the cursor (null for the newest entries). */
    AuditQuery query(Long before, int limit) {
        return new AuditQuery(actor.getValue(), action.getValue(), target.getValue(),
            ANY.equals(outcome.getValue()) ? null : outcome.getValue(), utc(from.getValue()), utc(to.getValue()),
            before, limit);
    }

    private static java.time.Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static TextField text(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setWidth("8.5em");
        return field;
    }
}

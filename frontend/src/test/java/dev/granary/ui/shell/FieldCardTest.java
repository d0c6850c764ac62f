package dev.granary.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card the Overview and the Chain view share, without a browser: rows, their ids, hiding, the status badge. */
class FieldCardTest {

    @Test
    void updatesRowsInPlaceAndHidesThoseWithNothingToSay() {
        FieldCard card = new FieldCard("Disk", "disk");
        Span free = card.text("free", "Free", "1 GiB");
        Span error = card.text("error", "Error", "");
        assertEquals("disk-free", free.getId().orElseThrow());
        assertTrue(row(free).isVisible());
        assertFalse(row(error).isVisible(), "an empty value hides its row");

        assertSame(error, card.text("error", "Error", "disk full"));
        assertEquals("disk full", error.getText());
        assertTrue(row(error).isVisible());
        card.text("error", "Error", null);
        assertEquals("", error.getText());
        assertFalse(row(error).isVisible());
        assertSame(free, card.text("free", "Free", "2 GiB"), "a row is set again, not added twice");
        assertEquals(3, card.getComponentCount(), "the title and two rows");
    }

    @Test
    void componentValuesReplaceThePreviousOnes() {
        FieldCard card = new FieldCard("Chain", "chain-node");
        Span value = card.components("production", "Production", new Span("producing"), new Span("manual clock"));
        assertEquals(2, value.getComponentCount());
        card.components("production", "Production", new Span("not producing"));
        assertEquals(List.of("not producing"), value.getChildren().map(c -> ((Span) c).getText()).toList());
    }

    @Test
    void aStatusBadgeFollowsTheLastStateBesideTheTitle() {
        FieldCard card = new FieldCard("Database", "database");
        card.status(true);
        card.status(false);
        H3 heading = (H3) card.getComponentAt(0);
        List<Component> badges = heading.getChildren().filter(c -> c instanceof Span).toList();
        assertEquals(1, badges.size(), "one badge however often the status is set");
        Span badge = (Span) badges.getFirst();
        assertEquals("database-status", badge.getId().orElseThrow());
        assertEquals("down", badge.getText());
        assertTrue(badge.hasClassName("down"));
        assertFalse(badge.hasClassName("up"));
        assertTrue(heading.getElement().getText().startsWith("Database"), heading.getElement().getText());
    }

    private static Component row(Span value) {
        return value.getParent().orElseThrow();
    }
}

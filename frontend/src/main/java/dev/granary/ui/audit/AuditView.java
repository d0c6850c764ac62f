package dev.granary.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Page;
import dev.granary.auth.Permission;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.Times;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log, newest first, filtered and paged by cursor: "Older" follows the node's next-page
 * cursor; "Newer" returns to the cursors already visited (the log only grows at the new end).
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit")
@RequiresPermission(Permission.ADMIN)
public class AuditView extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit = NodeAccess.node().auth().audit();
    private final AuditFilters filters = new AuditFilters(this::newest);
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Button newer = new Button("Newer", VaadinIcon.ANGLE_LEFT.create(), e -> newer());
    private final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create(), e -> older());
    private final Span position = new Span();
    private final List<Long> visited = new ArrayList<>(); // cursors of the pages before this one (null: newest)
    private Long current;
    private String nextCursor;
    private int firstRow;

    public AuditView() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> Times.utc(e.at())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::role).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        // Targets (token ids) and details can be long: they share the spare width, the tooltip shows all.
        grid.addColumn(AuditEntry::target).setHeader("Target").setTooltipGenerator(AuditEntry::target)
            .setFlexGrow(1).setResizable(true);
        grid.addComponentColumn(AuditView::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::clientAddress).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setTooltipGenerator(AuditEntry::detail)
            .setFlexGrow(2).setResizable(true);
        grid.setEmptyStateText("No entries match.");

        newer.setId("audit-newer");
        older.setId("audit-older");
        older.setIconAfterText(true);
        position.setId("audit-position");
        HorizontalLayout pager = new HorizontalLayout(newer, position, older);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);

        add(filters, grid, pager);
        setSizeFull();
        newest();
    }

    private void newest() {
        visited.clear();
        firstRow = 0;
        load(null);
    }

    private void older() {
        if (nextCursor != null) {
            visited.add(current);
            firstRow += PAGE_SIZE;
            load(Long.parseLong(nextCursor));
        }
    }

    private void newer() {
        if (!visited.isEmpty()) {
            firstRow -= PAGE_SIZE;
            load(visited.remove(visited.size() - 1));
        }
    }

    private void load(Long before) {
        AsUser.call(actor -> audit.query(actor, filters.query(before, PAGE_SIZE))).ifPresent(page -> show(before, page));
    }

    private void show(Long before, Page<AuditEntry> page) {
        current = before;
        nextCursor = page.nextCursor();
        grid.setItems(page.items());
        grid.recalculateColumnWidths();
        position.setText(page.items().isEmpty() ? "No entries"
            : "Entries " + (firstRow + 1) + "–" + (firstRow + page.items().size()));
        newer.setEnabled(!visited.isEmpty());
        older.setEnabled(nextCursor != null);
    }

    private static Component outcome(AuditEntry entry) {
        return Badge.of(entry.outcome(), switch (entry.outcome()) {
            case "success" -> Badge.Tone.GOOD;
            case "denied" -> Badge.Tone.BAD;
            default -> Badge.Tone.WARN;
        });
    }
}

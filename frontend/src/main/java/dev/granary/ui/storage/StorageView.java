package dev.granary.ui.storage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.Permission;
import dev.granary.errors.NotFoundException;
import dev.granary.node.Node;
import dev.granary.storage.PathInfo;
import dev.granary.storage.RedeclareResult;
import dev.granary.storage.StorageService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.LivePolling;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.security.SignedIn;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.PollProblem;
import dev.granary.ui.shell.Notices;
import dev.granary.units.Durations;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage paths, live: one row per path with its capacity, use, weight, groups, health and sector
 * files; the sectors of the selected path; where a sector's files are. Operators (write) attach,
 * rescan and detach paths. Everything goes through {@link StorageService}, as the REST API does.
 */
@Route(value = "storage", layout = MainLayout.class)
@PageTitle("Storage")
@RequiresPermission(Permission.READ)
public class StorageView extends VerticalLayout {

    static final int REFRESH_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(StorageView.class);

    private final Node node = NodeAccess.node();
    private final StorageService storage = node.storage();
    private final PathTable paths;
    private final Div selected = new Div();
    private final H3 selectedTitle = new H3();
    private final SectorFiles selectedFiles = new SectorFiles("path-sectors", false, "This path holds no sector files.");
    private final PollProblem problem = new PollProblem("storage-problem", log, "The storage index could not be read",
        "The page keeps trying every " + REFRESH_MILLIS / 1000 + " s; the node's log has the details.");

    public StorageView() {
        boolean mayChange = SignedIn.require().may(Permission.WRITE);
        paths = new PathTable(storage.nodeId(), mayChange, this::rescan, this::askDetach, this::select);
        Span heartbeat = new Span("Each path is checked every " + Durations.format(storage.heartbeatInterval())
            + "; one silent for " + Durations.format(storage.heartbeatTimeout()) + " is unhealthy and gets no new work.");
        heartbeat.addClassName("granary-notice");
        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (mayChange) {
            Button attach = new Button("Attach path", VaadinIcon.PLUS.create(),
                e -> new AttachPathDialog(storage, p -> refresh()).open());
            attach.setId("attach-path");
            attach.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(attach);
        }
        toolbar.add(heartbeat);

        selected.setId("selected-path");
        selected.add(selectedTitle, selectedFiles);
        selected.setWidthFull();
        selected.setVisible(false);
        add(toolbar, problem, paths, selected, new FindSector(storage));
        setWidthFull();
        refresh();
        LivePolling.whileAttached(this, REFRESH_MILLIS, this::refresh);
    }

    /** Reads the paths (and the selected path's files) again; what the poll runs, and each action after it is done. */
    private void refresh() {
        AsUser.poll(storage::list, problem::show).ifPresent(list -> {
            problem.clear();
            Optional<PathInfo> stillSelected = paths.show(list, node.clock().instant());
            selected.setVisible(stillSelected.isPresent());
            stillSelected.ifPresent(p -> {
                selectedTitle.setText("Sector files in " + PathText.location(p));
                AsUser.poll(actor -> storage.pathSectors(actor, p.id()), e -> {
                    if (!(e instanceof NotFoundException)) { // detached since the list was read: gone at the next poll
                        problem.show(e);
                    }
                }).ifPresent(selectedFiles::show);
            });
        });
    }

    /** A click on a row: that path's files now, as a person's action (AsUser). */
    private void select(Optional<PathInfo> path) {
        selected.setVisible(path.isPresent());
        path.ifPresent(p -> {
            selectedTitle.setText("Sector files in " + PathText.location(p));
            AsUser.call(actor -> storage.pathSectors(actor, p.id())).ifPresent(selectedFiles::show);
        });
    }

    private void rescan(PathInfo path) {
        AsUser.call(actor -> storage.redeclare(actor, Optional.of(path.id()), false)).ifPresent(results -> {
            results.forEach(StorageView::tell);
            refresh();
        });
    }

    private static void tell(RedeclareResult r) {
        if (r.error() != null && !r.error().isEmpty()) {
            Notices.error("Rescanning " + r.localPath() + " failed: " + r.error());
            return;
        }
        String missing = r.missing() > 0 ? "; " + r.missing() + " indexed file(s) are missing on disk (the CLI's"
            + " redeclare --drop-missing forgets them)" : "";
        String ignored = r.ignored().isEmpty() ? "" : "; ignored " + r.ignored().size() + " entries that are not sector files";
        Notices.success("Rescanned " + r.localPath() + ": " + r.declared() + " sector file(s) declared" + missing + ignored);
    }

    private void askDetach(PathInfo path) {
        AsUser.call(actor -> storage.reservations(actor, path.id())).ifPresent(inUse ->
            new DetachPathDialog(storage, path, inUse, this::refresh).open());
    }
}

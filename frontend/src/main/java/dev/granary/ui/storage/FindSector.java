package dev.granary.ui.storage;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.storage.SectorCopy;
import dev.granary.storage.SectorName;
import dev.granary.storage.StorageService;
import dev.granary.ui.security.AsUser;
import java.util.List;

/** "Where is sector N of miner M?": every file of it, in which path, primary copies first. */
final class FindSector extends Div {

    private final TextField miner = new TextField("Miner");
    private final TextField number = new TextField("Sector number");
    private final Span summary = new Span();
    private final SectorFiles results = new SectorFiles("find-results", true, "");

    FindSector(StorageService storage) {
        setId("find-sector");
        miner.setId("find-miner");
        miner.setPlaceholder("f01000");
        number.setId("find-number");
        number.setPlaceholder("0");
        Button find = new Button("Find", VaadinIcon.SEARCH.create(), e -> find(storage));
        find.setId("find-submit");
        find.addClickShortcut(Key.ENTER).listenOn(miner, number);
        HorizontalLayout form = new HorizontalLayout(miner, number, find);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("find-summary");
        summary.addClassName("granary-notice");
        results.setVisible(false);
        add(new H3("Find a sector"), form, summary, results);
        setWidthFull();
    }

    private void find(StorageService storage) {
        AsUser.call(actor -> {
            SectorName sector = new SectorName(SectorName.parseMiner(miner.getValue()), SectorName.parseNumber(number.getValue()));
            return new Found(sector, storage.find(actor, sector));
        }).ifPresent(found -> {
            summary.setText(found.files().isEmpty()
                ? "No path holds a file of " + found.sector() + "."
                : found.sector() + ": " + found.files().size() + " file(s).");
            results.show(found.files());
            results.setVisible(!found.files().isEmpty());
        });
    }

    private record Found(SectorName sector, List<SectorCopy> files) {}
}

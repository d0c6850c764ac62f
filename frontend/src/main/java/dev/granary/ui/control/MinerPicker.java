package dev.granary.ui.control;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.granary.address.Address;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.shell.Notices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Chooses the miner: the list offers the miners this wallet can act for (its owner, worker or a
 * control address is a key of the store); any other miner can be typed, to look at it.
 */
final class MinerPicker extends HorizontalLayout {

    private final ComboBox<String> miner = new ComboBox<>("Miner");
    private final Consumer<Address> chosen;

    MinerPicker(Consumer<Address> chosen) {
        this.chosen = chosen;
        miner.setId("control-miner");
        miner.setAllowCustomValue(true);
        miner.setPlaceholder("f01000");
        miner.setHelperText("A miner of this wallet, or any miner's f0 or f2 address");
        miner.addCustomValueSetListener(e -> miner.setValue(e.getDetail()));
        miner.setWidth("22em");
        Button show = new Button("Show", e -> choose());
        show.setId("control-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickShortcut(Key.ENTER);
        add(miner, show);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        offerWalletMiners();
    }

    /** The miners on chain this wallet can act for, with the roles its keys hold; none when the node cannot say. */
    void offerWalletMiners() {
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            AsUser.read(actor -> NodeAccess.node().control().controlledMiners(actor)).forEach(m ->
                labels.put(m.miner().toString(), m.miner() + " (keys here: " + String.join(", ", m.rolesHere()) + ")"));
        } catch (RuntimeException e) {
            // A typed address still works; the page shows why the chain cannot be read once a miner is chosen.
        }
        miner.setItems(List.copyOf(labels.keySet()));
        miner.setItemLabelGenerator(value -> labels.getOrDefault(value, value));
        if (labels.size() == 1 && miner.isEmpty()) {
            miner.setValue(labels.keySet().iterator().next());
        }
    }

    void select(Address address) {
        miner.setValue(address.toString());
    }

    Optional<String> value() {
        return Optional.ofNullable(miner.getValue()).filter(v -> !v.isBlank());
    }

    private void choose() {
        Optional<String> text = value();
        if (text.isEmpty()) {
            Notices.error("choose or type a miner address, such as f01000");
            return;
        }
        try {
            chosen.accept(Address.parse(text.get().strip()));
        } catch (IllegalArgumentException e) {
            Notices.error(e.getMessage());
        }
    }
}

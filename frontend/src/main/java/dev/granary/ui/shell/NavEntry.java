package dev.granary.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/** One entry of the side navigation. */
public record NavEntry(String label, VaadinIcon icon, Class<? extends Component> view) {}

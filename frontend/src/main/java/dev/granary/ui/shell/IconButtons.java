package dev.granary.ui.shell;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The small row actions of the dashboard's tables. */
public final class IconButtons {

    private IconButtons() {}

    /** An icon button; the tooltip and accessible name say what it does. */
    public static Button of(VaadinIcon icon, String label, String id, ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(icon.create(), listener);
        button.setId(id);
        button.setTooltipText(label);
        button.setAriaLabel(label);
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}

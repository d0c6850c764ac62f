package dev.granary.ui.chain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.granary.ui.shell.Clipboard;
import dev.granary.ui.shell.Notices;

/**
 * CIDs and addresses are 40 to 60 characters: the dashboard shows the start and the end, which is
 * what people compare, and keeps the whole text in the tooltip and on the copy button.
 */
public final class ShortText {

    static final int HEAD = 10;
    static final int TAIL = 6;

    private ShortText() {}

    /** "bafy2bzace…x4kq6a"; text short enough already comes back unchanged. */
    public static String shorten(String text) {
        if (text.length() <= HEAD + TAIL + 1) {
            return text;
        }
        return text.substring(0, HEAD) + "…" + text.substring(text.length() - TAIL);
    }

    /** The shortened text, with the full text on hover. */
    public static Span span(String full) {
        Span span = new Span(shorten(full));
        span.setTitle(full);
        span.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        return span;
    }

    /** A small button that puts {@code text} on the clipboard; {@code what} names it for screen readers. */
    public static Button copyButton(String id, String what, String text) {
        Button copy = new Button(VaadinIcon.COPY_O.create(), e -> copy(what, text));
        copy.setId(id);
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        copy.setAriaLabel("Copy " + what);
        copy.setTooltipText("Copy " + what);
        return copy;
    }

    /**
     * The browser's clipboard API needs a secure context (https or localhost); elsewhere the older
     * selection-and-copy command still works, so the script tries both.
     */
    private static void copy(String what, String text) {
        Clipboard.copy(text)
            .then(Void.class, ignored -> Notices.success("Copied " + what),
                error -> Notices.error("Could not copy " + what + " (" + error + "); copy it by hand: " + text));
    }
}

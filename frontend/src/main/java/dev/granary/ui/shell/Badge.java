package dev.granary.ui.shell;

import com.vaadin.flow.component.html.Span;

/** A small coloured label: good (green), bad (red), warn (amber) or plain. */
public final class Badge {

    public enum Tone { GOOD, BAD, WARN, PLAIN }

    private Badge() {}

    public static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        badge.addClassName("granary-badge");
        switch (tone) {
            case GOOD -> badge.addClassName("up");
            case BAD -> badge.addClassName("down");
            case WARN -> badge.addClassName("warn");
            case PLAIN -> badge.addClassName("plain");
        }
        return badge;
    }
}

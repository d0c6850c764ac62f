package dev.granary.ui.shell;

import com.vaadin.flow.component.html.Div;
import dev.granary.auth.Principal;
import dev.granary.errors.NotFoundException;
import dev.granary.ui.security.SignedIn;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * What a live view's refresh could not read. Shown in the page rather than as a notice, which would pop
 * up again at every poll, and logged once per distinct failure rather than at every poll; a person's
 * error (bad input, something not found) is only shown.
 */
public final class PollProblem extends Div {

    private final Logger log;
    private final String lead;
    private final String retry;
    private String lastLogged;

    /**
     * @param lead  what failed, e.g. "The chain could not be read"
     * @param retry what the page does about it, e.g. "The page tries again at the next block."
     */
    public PollProblem(String id, Logger log, String lead, String retry) {
        this.log = log;
        this.lead = lead;
        this.retry = retry;
        setId(id);
        addClassName("granary-warning");
        setVisible(false);
    }

    /** The read succeeded: nothing to show. */
    public void clear() {
        setVisible(false);
        lastLogged = null;
    }

    /** Shows the first of {@code problems}, or clears when there are none. */
    public void show(List<RuntimeException> problems) {
        if (problems.isEmpty()) {
            clear();
        } else {
            show(problems.getFirst());
        }
    }

    public void show(RuntimeException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        setText(lead + ": " + message + ". " + retry);
        setVisible(true);
        boolean persons = e instanceof IllegalArgumentException || e instanceof NotFoundException;
        if (!persons && !message.equals(lastLogged)) {
            log.warn("{} (dashboard user {})", lead, SignedIn.principal().map(Principal::username).orElse("?"), e);
            lastLogged = message;
        }
    }
}

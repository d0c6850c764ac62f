package dev.granary.ui.security;

import com.vaadin.flow.component.UI;
import dev.granary.api.ProblemException;
import dev.granary.auth.AccessDeniedException;
import dev.granary.auth.Actor;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.ThrottledException;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import dev.granary.wallet.WalletLockedException;
import dev.granary.ui.shell.Notices;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service call as the signed-in user of this request. The services check permissions and write
 * the audit log themselves; this turns their refusals into messages for the person, and an ended
 * session into a trip to the login page.
 */
public final class AsUser {

    private static final Logger log = LoggerFactory.getLogger(AsUser.class);

    private AsUser() {}

    /** The call's result, or empty when it failed (the person has been told why). */
    public static <T> Optional<T> call(Function<Actor, T> serviceCall) {
        Actor actor;
        try {
            actor = SignedIn.actor();
        } catch (SessionEndedException e) {
            UI.getCurrent().refreshCurrentRoute(false);
            return Optional.empty();
        }
        SignedIn.markActive();
        try {
            return Optional.ofNullable(serviceCall.apply(actor));
        } catch (AccessDeniedException | AuthenticationException | ThrottledException | NotFoundException
                 | ConflictException | IllegalArgumentException | WalletLockedException e) {
            Notices.error(e.getMessage());
        } catch (ProblemException e) {
            if (e.problem().status() >= 500) {
                return unexpected(actor, e);
            }
            Notices.error(e.getMessage());
        } catch (RuntimeException e) {
            return unexpected(actor, e);
        }
        return Optional.empty();
    }

    private static <T> Optional<T> unexpected(Actor actor, RuntimeException e) {
        log.error("dashboard request {} failed", actor.requestId(), e);
        Notices.error("That failed unexpectedly; the node's log has the details under request " + actor.requestId() + ".");
        return Optional.empty();
    }

    /**
     * A read made by a live view's poll: as the signed-in user, but not activity (a forgotten tab must
     * still time out). Failures propagate, so the view can show them in the page rather than as a
     * notice at every poll.
     */
    public static <T> T read(Function<Actor, T> serviceCall) {
        return serviceCall.apply(SignedIn.actor());
    }

    /**
     * A poll's read (see {@link #read}) that hands a failure to {@code onFailure} instead of throwing: the
     * result, or empty. An ended session is left alone: the live polling sends the browser to sign in.
     */
    public static <T> Optional<T> poll(Function<Actor, T> serviceCall, Consumer<RuntimeException> onFailure) {
        try {
            return Optional.ofNullable(read(serviceCall));
        } catch (SessionEndedException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return Optional.empty();
        }
    }

    /** Whether the call succeeded (the person has been told why not). */
    public static boolean run(Consumer<Actor> serviceCall) {
        return call(actor -> {
            serviceCall.accept(actor);
            return Boolean.TRUE;
        }).isPresent();
    }
}

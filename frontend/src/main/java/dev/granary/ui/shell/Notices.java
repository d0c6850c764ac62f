package dev.granary.ui.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the top of the page: what just succeeded, or why something was refused. */
public final class Notices {

    private Notices() {}

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    /** Errors stay longer: they usually ask the person to change something. */
    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    /** The services' messages are sentence fragments ("the current password is not correct"). */
    public static String sentence(String message) {
        String text = message == null || message.isBlank() ? "Something went wrong" : message.strip();
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static void show(String message, NotificationVariant variant, int millis) {
        Notification notification = Notification.show(sentence(message), millis, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }
}

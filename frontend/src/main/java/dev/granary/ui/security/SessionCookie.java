package dev.granary.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import dev.granary.auth.WebSessions;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The session cookie the dashboard shares with the REST API. Its value is the session id and lives only
 * here: the header is HttpOnly, so no page script (ours included) can read it.
 */
final class SessionCookie {

    private SessionCookie() {}

    static Optional<String> read(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (WebSessions.COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static void issue(String sessionId) {
        send(WebSessions.setCookieHeader(sessionId, secure(), false));
    }

    static void expire() {
        send(WebSessions.setCookieHeader("", secure(), true));
    }

    private static boolean secure() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request != null && request.isSecure();
    }

    private static void send(String header) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        // addHeader, not setHeader: the servlet container may be setting its own session cookie on this response.
        if (!(response instanceof HttpServletResponse http)) {
            throw new IllegalStateException("the session cookie can only be set while answering an HTTP request");
        }
        http.addHeader("Set-Cookie", header);
    }
}

package dev.granary.ui;

import dev.granary.http.WebUi;
import dev.granary.node.Node;
import java.net.URI;
import java.net.URL;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Hosts the Vaadin dashboard in a Jetty web-app context at "/". Vaadin registers its servlet through
 * servlet-container initializers, which Jetty only runs when annotation scanning is on, so the context
 * scans the class path (the fat jar, or target/classes and jars in a build).
 */
public final class VaadinWebUi implements WebUi {

    /** Servlet-context attribute under which views find the running node. */
    public static final String NODE_ATTRIBUTE = Node.class.getName();

    private ResourceFactory.Closeable resources;

    @Override
    public Handler createHandler(Node node) {
        System.setProperty("vaadin.productionMode", "true");
        resources = ResourceFactory.closeable();
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResource(resources.newResource(webRoot()));
        context.setConfigurationDiscovered(true);
        context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*\\.jar|.*/classes/.*");
        context.setAttribute(NODE_ATTRIBUTE, node);
        context.setInitParameter("productionMode", "true");
        context.setThrowUnavailableOnStartupException(true);
        hardenServletSessionCookie(context.getSessionHandler());
        return context;
    }

    /**
     * The servlet session only carries Vaadin's UI state (who is signed in lives in the node's session
     * store), but its cookie gets the same protection as the session cookie: no script access, never
     * sent by other sites' pages, and Secure whenever the request came over TLS.
     */
    private static void hardenServletSessionCookie(SessionHandler sessions) {
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSecureRequestOnly(true);
    }

    /** The directory holding /webapp/robots.txt: a folder in a build, a jar: URI in the fat jar. */
    private static URI webRoot() {
        URL marker = VaadinWebUi.class.getResource("/webapp/robots.txt");
        if (marker == null) {
            throw new IllegalStateException("starting the dashboard: /webapp/robots.txt is missing from the class path");
        }
        String url = marker.toString();
        return URI.create(url.substring(0, url.lastIndexOf('/') + 1));
    }

    @Override
    public void close() {
        if (resources != null) {
            resources.close();
        }
    }
}

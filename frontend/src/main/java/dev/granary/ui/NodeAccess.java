package dev.granary.ui;

import com.vaadin.flow.server.VaadinServlet;
import dev.granary.node.Node;
import jakarta.servlet.ServletContext;

/** How a view reaches the running node: through the servlet context the web-app was created with. */
public final class NodeAccess {

    private NodeAccess() {}

    public static Node node() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        return node(servlet == null ? null : servlet.getServletContext());
    }

    /** For code that runs before any request, such as service initialisation. */
    public static Node node(ServletContext context) {
        Object node = context == null ? null : context.getAttribute(VaadinWebUi.NODE_ATTRIBUTE);
        if (!(node instanceof Node n)) {
            throw new IllegalStateException("dashboard is not attached to a running node");
        }
        return n;
    }
}

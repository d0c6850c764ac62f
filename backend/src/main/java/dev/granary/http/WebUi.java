package dev.granary.http;

import dev.granary.node.Node;
import org.eclipse.jetty.server.Handler;

/**
 * The dashboard, provided by the frontend module through {@link java.util.ServiceLoader}. The backend
 * never imports Vaadin: a node without an implementation on its class path (a worker) runs headless.
 */
public interface WebUi extends AutoCloseable {

    /** The handler to mount at "/" for this node. Called once, before the server starts. */
    Handler createHandler(Node node);

    /** Releases resources the handler held; called after the HTTP server has stopped. */
    @Override
    void close();
}

package dev.granary.http;

import dev.granary.api.RestApi;
import dev.granary.auth.AuthServices;
import dev.granary.node.HostPort;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Jetty server on the one port: REST at /api, Prometheus at /metrics, the dashboard (if any)
 * at /. Requests run on virtual threads.
 */
public final class WebServer {

    /** Longer than clients keep idle connections (JDK 30 s, Go 90 s); see the connector's set-up. */
    private static final long IDLE_TIMEOUT_MILLIS = 120_000;

    private final Server server;
    private final ServerConnector connector;

    public WebServer(HostPort listen, RestApi api, PrometheusMeterRegistry metrics, AuthServices auth, Handler ui) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(listen.host());
        connector.setPort(listen.port());
        // Longer than clients keep idle connections (JDK 30 s, Go 90 s): when the server closes first, a
        // client's next request can race into the closing socket and fail.
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);

        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(apiContext(api));
        contexts.addHandler(metricsContext(metrics, auth));
        contexts.addHandler(ui != null ? ui : notFoundRoot());
        server.setHandler(contexts);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopAtShutdown(false); // the node stops the server itself, in order
    }

    private static ServletContextHandler apiContext(RestApi api) {
        ServletContextHandler context = new ServletContextHandler("/api");
        ServletHolder holder = new ServletHolder("javalin", api.servlet());
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        context.setErrorHandler(new ProblemErrorHandler());
        // Javalin's servlet expects Jetty's WebSocket components in its context, even with no WebSocket routes.
        JettyWebSocketServletContainerInitializer.configure(context, null);
        return context;
    }

    private static ServletContextHandler metricsContext(PrometheusMeterRegistry metrics, AuthServices auth) {
        ServletContextHandler context = new ServletContextHandler("/metrics");
        context.setAllowNullPathInContext(true); // serve /metrics itself, not a redirect to /metrics/
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics, auth)), "/*");
        context.setErrorHandler(new ProblemErrorHandler());
        return context;
    }

    /** Without a dashboard, "/" answers with a problem document pointing at the API. */
    private static ContextHandler notFoundRoot() {
        ContextHandler root = new ContextHandler("/");
        root.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
                response.setStatus(404);
                return new ProblemErrorHandler().handle(request, response, callback);
            }
        });
        return root;
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("starting HTTP server on " + connector.getHost() + ":" + connector.getPort()
                + ": " + deepestMessage(e), e);
        }
    }

    /** Jetty wraps start failures (a view without a permission, a port in use); the cause says what. */
    private static String deepestMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The bound port (differs from the configured one when that was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping HTTP server: " + e.getMessage(), e);
        }
    }
}

package dev.granary.ui.security;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.granary.node.Node;
import dev.granary.ui.NodeAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs once when the dashboard's Vaadin service starts (during the node's start, as the servlet loads
 * on startup): enters every route into the node's access registry, failing the start for a view that
 * declares no permission, and puts the {@link ViewGuard} in front of every navigation.
 */
public final class DashboardAccess implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinServletService service = (VaadinServletService) event.getSource();
        Node node = NodeAccess.node(service.getServlet().getServletContext());
        Map<String, Class<?>> views = new LinkedHashMap<>();
        for (RouteData route : ApplicationRouteRegistry.getInstance(service.getContext()).getRegisteredRoutes()) {
            views.put(route.getTemplate(), route.getNavigationTarget());
        }
        ViewPermissions.registerAll(node.auth().registry(), views);
        service.addUIInitListener(init -> init.getUI().addBeforeEnterListener(new ViewGuard()));
    }
}

package dev.granary.control.rest;

import dev.granary.api.ApiRoute;
import dev.granary.api.RouteGroup;
import dev.granary.control.ControlService;
import dev.granary.wallet.watermark.Watermarks;
import java.util.List;

/** /api/v1/miners/{id}/control and /api/v1/wallets/watermarks. */
public final class ControlRoutes implements RouteGroup {

    private final ControlService control;
    private final Watermarks watermarks;

    public ControlRoutes(ControlService control, Watermarks watermarks) {
        this.control = control;
        this.watermarks = watermarks;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of();
    }
}

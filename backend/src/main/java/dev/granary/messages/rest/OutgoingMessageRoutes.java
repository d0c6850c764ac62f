package dev.granary.messages.rest;

import dev.granary.api.ApiRoute;
import dev.granary.api.RouteGroup;
import dev.granary.messages.MessageService;
import java.util.List;

/** /api/v1/messages: what the node sent, its state, replacements; sending FIL; replacing by fee. */
public final class OutgoingMessageRoutes implements RouteGroup {

    private final MessageService messages;

    public OutgoingMessageRoutes(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of();
    }
}

package dev.granary.control.rest;

import dev.granary.address.Address;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RestAccess;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.fil.TokenAmount;
import dev.granary.wallet.watermark.Watermark;
import dev.granary.wallet.watermark.Watermarks;
import io.javalin.http.Context;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** /api/v1/watermarks: balance bands that the node keeps addresses in by topping them up. */
final class WatermarkRoutes {

    private final Watermarks watermarks;

    WatermarkRoutes(Watermarks watermarks) {
        this.watermarks = watermarks;
    }

    List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/watermarks").permission(Permission.READ).tag(ControlRoutes.TAG)
                .summary("Every balance watermark with the address' balance and what the last top-up did")
                .response(200, "The watermarks", JsonSchema.array(ControlJson.watermarkSchema()))
                .handler(this::list),
            ApiRoute.put("/v1/watermarks/{address}").permission(Permission.SIGN).tag(ControlRoutes.TAG)
                .summary("Set an address' watermark {low, high, funding}: below low the node sends high - balance from"
                    + " funding (its key must be in the wallet), at most once per wallet.top-up-interval")
                .requestBody(JsonSchema.object().prop("low", JsonSchema.string().example("5 FIL"))
                    .prop("high", JsonSchema.string().example("20 FIL")).prop("funding", JsonSchema.string()))
                .response(200, "The watermark", ControlJson.watermarkSchema())
                .handler(this::set),
            ApiRoute.delete("/v1/watermarks/{address}").permission(Permission.SIGN).tag(ControlRoutes.TAG)
                .summary("Remove an address' watermark (its open alert is resolved)")
                .response(204, "Removed", null)
                .handler(this::remove));
    }

    private void list(Context ctx) {
        Actor actor = RestAccess.actor(ctx);
        ctx.json(watermarks.list(actor).stream()
            .map(w -> ControlJson.watermark(w, watermarks.balance(actor, w.address()))).toList());
    }

    private void set(Context ctx) {
        Address address = ControlParams.pathAddress(ctx, "address");
        JsonNode body = ControlParams.object(ctx, false, "low", "high", "funding");
        TokenAmount low = ControlParams.amount(body, "low");
        TokenAmount high = ControlParams.amount(body, "high");
        Address funding = ControlParams.requiredAddress(body, "funding");
        Actor actor = RestAccess.actor(ctx);
        Watermark w = watermarks.set(actor, address, low, high, funding);
        ctx.json(ControlJson.watermark(w, watermarks.balance(actor, w.address())));
    }

    private void remove(Context ctx) {
        Address address = ControlParams.pathAddress(ctx, "address");
        watermarks.remove(RestAccess.actor(ctx), address);
        ctx.status(204);
    }
}

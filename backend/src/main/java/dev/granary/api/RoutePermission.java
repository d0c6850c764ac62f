package dev.granary.api;

import dev.granary.auth.Permission;
import io.javalin.router.EndpointMetadata;

/** Carries a route's declared permission on the Javalin endpoint, where access checks read it. */
public record RoutePermission(Permission permission) implements EndpointMetadata {}

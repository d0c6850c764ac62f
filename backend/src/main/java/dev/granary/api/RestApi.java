package dev.granary.api;

import dev.granary.auth.AccessDeniedException;
import dev.granary.auth.AccessRegistry;
import dev.granary.auth.AuthServices;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.Permission;
import dev.granary.auth.ThrottledException;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import dev.granary.wallet.WalletLockedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Servlet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API: a Javalin servlet mounted at /api. Every route comes from a {@link RouteGroup}; every
 * error leaves as a problem document with the request id that is also in the log.
 */
public final class RestApi {

    private static final Logger log = LoggerFactory.getLogger(RestApi.class);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID = "requestId";
    private static final String TIMER_START = "granary.timerStart";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Javalin javalin;
    private final List<ApiRoute> routes;

    public RestApi(List<RouteGroup> groups, String version, MeterRegistry metrics, AuthServices auth) {
        RestAccess access = new RestAccess(auth);
        List<ApiRoute> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.routes()));
        all.add(openApiRoute(version));
        this.routes = List.copyOf(all);
        for (ApiRoute route : routes) {
            auth.registry().register(AccessRegistry.Kind.ROUTE, route.method().name() + " " + route.path(),
                route.permission());
        }
        JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
        this.javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson3(mapper, true));
            cfg.routes.before(RestApi::assignRequestId);
            cfg.routes.before(access::authenticate);
            cfg.routes.beforeMatched(access::authorize);
            for (ApiRoute route : routes) {
                cfg.routes.addEndpoint(Endpoint.create(route.method(), route.path())
                    .addMetadata(new RoutePermission(route.permission()))
                    .handler(route.handler()));
            }
            cfg.routes.exception(ProblemException.class, (e, ctx) -> respond(ctx, e.problem()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404 || e.getStatus() == 405) {
                    try {
                        access.requireAuthenticatedForUnknownRoutes(ctx);
                    } catch (ProblemException denied) {
                        respond(ctx, denied.problem());
                        return;
                    }
                }
                respond(ctx, fromJavalin(e, ctx));
            });
            cfg.routes.exception(AuthenticationException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.UNAUTHORIZED, e.getMessage())));
            cfg.routes.exception(AccessDeniedException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.FORBIDDEN, e.getMessage())
                    .with("missingPermission", e.missing().lotusName())));
            cfg.routes.exception(ThrottledException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds() + 1)));
                respond(ctx, Problem.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage()));
            });
            cfg.routes.exception(NotFoundException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.NOT_FOUND, e.getMessage())));
            cfg.routes.exception(ConflictException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.CONFLICT, e.getMessage())));
            cfg.routes.exception(WalletLockedException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.WALLET_LOCKED, e.getMessage())));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                respond(ctx, Problem.of(ProblemType.INVALID_REQUEST, e.getMessage())));
            cfg.routes.exception(Exception.class, RestApi::internalError);
            cfg.routes.after(ctx -> access.auditStateChange(ctx, auth.audit()));
            cfg.routes.after(ctx -> recordMetrics(ctx, metrics));
        });
    }

    private ApiRoute openApiRoute(String version) {
        return ApiRoute.get("/openapi.json")
            .permission(Permission.READ)
            .tag("meta")
            .summary("This API, described as OpenAPI 3.1")
            .response(200, "The OpenAPI document", JsonSchema.object())
            .handler(ctx -> ctx.json(OpenApiDocument.build(routes, version)));
    }

    public Servlet servlet() {
        return javalin.javalinServlet();
    }

    /** Every route the API serves, in registration order (including the OpenAPI route itself). */
    public List<ApiRoute> routes() {
        return routes;
    }

    /** The endpoints Javalin actually registered, to check nothing bypassed {@link ApiRoute}. */
    public List<Endpoint> registeredEndpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
            .map(p -> p.endpoint)
            .filter(e -> e.method.isHttpMethod())
            .toList();
    }

    private static void assignRequestId(Context ctx) {
        String incoming = ctx.header(REQUEST_ID_HEADER);
        String id = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : newRequestId();
        ctx.attribute(REQUEST_ID, id);
        ctx.attribute(TIMER_START, System.nanoTime());
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put(REQUEST_ID, id);
    }

    private static String newRequestId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id != null ? id : "none";
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        String route = ctx.method().name() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no route " + route
                + "; GET /api/openapi.json lists every route");
            case 405 -> {
                String allowed = allowedMethods(e);
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);
                }
                yield Problem.of(ProblemType.METHOD_NOT_ALLOWED, route + " is not supported"
                    + (allowed.isEmpty() ? "" : "; this path allows " + allowed));
            }
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large: " + e.getMessage());
            default -> Problem.of(ProblemType.forStatus(e.getStatus()), e.getMessage());
        };
    }

    private static String allowedMethods(HttpResponseException e) {
        Map<String, String> details = e.getDetails();
        String fromJavalin = details.get("availableMethods");
        return fromJavalin == null ? "" : fromJavalin.replaceAll("[\\[\\]]", "");
    }

    private static void internalError(Exception e, Context ctx) {
        String id = requestId(ctx);
        log.error("request {} {} {} failed", id, ctx.method().name(), ctx.path(), e);
        respond(ctx, Problem.of(ProblemType.INTERNAL,
            "the node failed to handle this request; its log has the details under request id " + id));
    }

    static void respond(Context ctx, Problem problem) {
        Problem located = problem.at(ctx.path(), requestId(ctx));
        if (located.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"granary\"");
        }
        ctx.status(located.status());
        ctx.json(located.body());
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static void recordMetrics(Context ctx, MeterRegistry metrics) {
        Long start = ctx.attribute(TIMER_START);
        if (start != null) {
            Endpoint endpoint = safeEndpoint(ctx);
            String route = endpoint != null ? endpoint.path : "unmatched";
            Timer.builder("granary.http.requests")
                .description("REST requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.status().getCode()))
                .register(metrics)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        MDC.remove(REQUEST_ID);
    }

    static Endpoint safeEndpoint(Context ctx) {
        try {
            return ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            return null; // no matched endpoint (404, 405)
        }
    }
}

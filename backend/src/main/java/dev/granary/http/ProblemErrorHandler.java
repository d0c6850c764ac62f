package dev.granary.http;

import dev.granary.api.Problem;
import dev.granary.api.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Jetty raises before a request reaches Javalin (a malformed URI, headers too large, no context
 * for the path) are problem documents too, never Jetty's HTML page with a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> "the request is malformed (" + jettyReason(request) + "); send a plain path without encoded"
                + " '/', '..' segments or control characters";
            case 404 -> "nothing is served at " + request.getHttpURI().getPath() + "; the REST API is under /api/v1";
            case 414 -> "the request URI is too long; shorten the query, or send long values in a JSON body";
            case 431 -> "the request headers are too large; send fewer or shorter headers (a token or cookie too big?)";
            default -> "the request could not be handled (HTTP " + status + ")";
        };
        // an unparseable request has no path of its own: Jetty names it "/badMessage", which is nobody's URI
        String path = request.getHttpURI().getPath();
        Problem problem = new Problem("urn:granary:problem:" + type.slug(), type.title(), status, detail,
            "/badMessage".equals(path) ? null : path, null, java.util.Map.of());
        byte[] body = JSON.writeValueAsBytes(problem.body());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        if (status == 414 || status == 431) {
            // Jetty drops the connection after a request it could not parse; saying so stops a
            // keep-alive client from sending its next request into the closing socket.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String jettyReason(Request request) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        return message instanceof String s && !s.isBlank() ? s : "HTTP 400";
    }
}

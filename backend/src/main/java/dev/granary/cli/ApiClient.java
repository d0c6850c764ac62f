package dev.granary.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's REST API for CLI commands: JSON in, JSON out, bearer token from {@link ApiInfo}. Every call
 * names the action it performs, so a failure reads "creating token: &lt;the node's detail&gt;".
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ApiInfo info;
    private final HttpClient http;

    public ApiClient(ApiInfo info) {
        this.info = info;
        // Redirects are not followed: following one would hand the bearer token to wherever it points.
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A successful answer: its status and the body exactly as the node sent it. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer get(String action, String apiPath) {
        return send(action, "GET", apiPath, null);
    }

    public Answer post(String action, String apiPath, Map<String, ?> body) {
        return send(action, "POST", apiPath, body);
    }

    public Answer patch(String action, String apiPath, Map<String, ?> body) {
        return send(action, "PATCH", apiPath, body);
    }

    public Answer put(String action, String apiPath, Map<String, ?> body) {
        return send(action, "PUT", apiPath, body);
    }

    public Answer delete(String action, String apiPath) {
        return send(action, "DELETE", apiPath, null);
    }

    /** One path segment, percent-encoded, so a user-typed name cannot change which route is called. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * GET {@code apiPath} streamed into {@code file}, for answers too big to hold in memory (accept names their
     * media type); returns the answer's headers. An error answer is read as problem+json, not written to the file.
     * No request timeout: a large download may rightly take longer than any JSON call.
     */
    public HttpHeaders download(String action, String apiPath, String accept, Path file) {
        HttpRequest request = HttpRequest.newBuilder(info.resolve(apiPath))
            .header("Authorization", "Bearer " + info.token())
            .header("Accept", accept + ", application/problem+json").GET().build();
        return exchange(action, request, head -> head.statusCode() / 100 == 2
            ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(file), Path::toString)
            : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)).headers();
    }

    private Answer send(String action, String method, String apiPath, Map<String, ?> body) {
        URI uri = info.resolve(apiPath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + info.token())
            .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = exchange(action, request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Sends the request; a 2xx answer is returned, anything else (or no answer) is a {@link CliFailure}. */
    private HttpResponse<String> exchange(String action, HttpRequest request, HttpResponse.BodyHandler<String> handler) {
        HttpResponse<String> response;
        try {
            response = http.send(request, handler);
        } catch (IOException e) {
            throw new NodeUnreachableException(action + ": cannot reach the node at " + info.base() + ": " + why(e)
                + " (is it running? the address comes from " + ApiInfo.ENV + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(action + ": interrupted");
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response;
        }
        throw NodeRefusedException.from(action, response);
    }

    private static String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "timed out connecting after " + CONNECT_TIMEOUT.toSeconds() + "s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s";
        }
        // HttpClient wraps the real cause, often with no message of its own.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** No answer at all: the node is down, the address is wrong, or the network is in the way. */
    public static final class NodeUnreachableException extends CliFailure {
        NodeUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The node answered with an error; for Granary that is a problem+json document. */
    public static final class NodeRefusedException extends CliFailure {
        private final int status;
        private final String problemType;
        private final String detail;

        NodeRefusedException(String action, int status, String problemType, String detail) {
            super(action + ": " + detail);
            this.status = status;
            this.problemType = problemType;
            this.detail = detail;
        }

        public int status() {
            return status;
        }

        /** The problem's stable {@code type} URN, or null when the answer was not problem+json. */
        public String problemType() {
            return problemType;
        }

        public String detail() {
            return detail;
        }

        static NodeRefusedException from(String action, HttpResponse<String> response) {
            int status = response.statusCode();
            JsonNode problem = parseProblem(response);
            if (problem == null) {
                // Not a Granary answer: most likely the URL points at some other server or a proxy.
                return new NodeRefusedException(action, status, null, "HTTP " + status + " from " + response.uri()
                    + " (is " + ApiInfo.ENV + " pointing at a Granary node?)");
            }
            String detail = text(problem, "detail");
            if (detail == null) {
                detail = text(problem, "title") == null ? "HTTP " + status : text(problem, "title");
            }
            if (status == 401) {
                detail += " (the token in " + ApiInfo.ENV + " was refused)";
            }
            return new NodeRefusedException(action, status, text(problem, "type"), detail);
        }

        private static JsonNode parseProblem(HttpResponse<String> response) {
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.contains("json")) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(response.body());
                return node != null && node.isObject() ? node : null;
            } catch (JacksonException e) {
                return null;
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString();
        }
    }
}

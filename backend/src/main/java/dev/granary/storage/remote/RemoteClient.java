package dev.granary.storage.remote;

import dev.granary.storage.local.BoundedCopy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to another node's storage routes with an API token of that node. Downloads resume: bytes already
 * in the {@code .part} file are kept and the rest is asked for with an HTTP Range request. The token is
 * sent only in the Authorization header and never appears in messages.
 */
public final class RemoteClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String name;
    private final String baseUrl;
    private final String token;

    public RemoteClient(String name, String baseUrl, String token) {
        this.name = name;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** GET {@code /api...} as JSON; a refusal names the remote, the status and its problem detail. */
    public JsonNode getJson(String action, String apiPath) throws IOException {
        HttpResponse<String> r = send(request(apiPath).GET().build(), HttpResponse.BodyHandlers.ofString(), action);
        if (r.statusCode() != 200) {
            throw refused(action, r.statusCode(), r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * Downloads {@code apiPath} into {@code part} until it holds {@code expectedSize} bytes, continuing
     * what an earlier attempt left there; the file is synced before this returns.
     */
    public void download(String action, String apiPath, Path part, long expectedSize) throws IOException {
        Files.createDirectories(part.getParent());
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > expectedSize) {
            Files.delete(part);
            have = 0;
        }
        if (have < expectedSize) {
            HttpRequest.Builder b = request(apiPath).GET();
            if (have > 0) {
                b.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), action);
            try (InputStream body = r.body()) {
                boolean append = r.statusCode() == 206 && have > 0;
                if (r.statusCode() != 200 && r.statusCode() != 206) {
                    throw refused(action, r.statusCode(), new String(body.readNBytes(4000)));
                }
                if (append && !r.headers().firstValue("Content-Range").orElse("").startsWith("bytes " + have + "-")) {
                    throw new IOException(action + ": remote " + name + " answered the range from byte " + have
                        + " with " + r.headers().firstValue("Content-Range").orElse("no Content-Range")
                        + "; nothing appended");
                }
                long allowed = expectedSize - (append ? have : 0);
                try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    try {
                        BoundedCopy.copy(body, out, allowed, () -> action + ": remote " + name + " sent more than the "
                            + allowed + " bytes its manifest announced; the partial file was discarded");
                    } catch (BoundedCopy.OverLimitException e) {
                        out.truncate(0); // a lost connection keeps its bytes to resume from; a lying remote does not
                        throw e;
                    }
                    out.force(true);
                }
            }
        }
        long got = Files.size(part);
        if (got != expectedSize) {
            throw new IOException(action + ": received " + got + " of " + expectedSize + " bytes from remote " + name
                + "; run the fetch again to continue");
        }
    }

    private HttpRequest.Builder request(String apiPath) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api" + apiPath)).timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String action)
            throws IOException {
        try {
            return HTTP.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(action + ": interrupted");
        } catch (IOException e) {
            throw new IOException(action + ": remote " + name + " at " + baseUrl + " is unreachable: " + e.getMessage());
        }
    }

    private IOException refused(String action, int status, String body) {
        String detail = body;
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.has("detail")) {
                detail = problem.get("detail").asString();
            }
        } catch (RuntimeException notJson) {
            // keep the raw body
        }
        String hint = status == 401 || status == 403 ? " (check the token configured for remote " + name
            + ": it must be an API token of that node with read permission)" : "";
        return new IOException(action + ": remote " + name + " answered HTTP " + status + ": " + detail + hint);
    }
}

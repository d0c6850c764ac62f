package dev.granary.cli;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams GET /api/v1/chain/export into a file. The bytes go to a temporary file beside the target,
 * which is renamed only once the whole CAR has arrived, so an interrupted export leaves no truncated file
 * that looks like a snapshot.
 */
final class CarDownload {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([A-Za-z0-9][A-Za-z0-9._-]*)\"");

    /** Where the CAR went, its size, and the file name the node suggested. */
    record Result(Path file, long bytes) {}

    private CarDownload() {}

    /**
     * @param out the file to write, or a directory for the node's suggested name in it; empty for the
     *            suggested name in the current directory
     */
    static Result export(ApiInfo info, Optional<Path> out) {
        String action = "exporting the chain";
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(info.resolve("/v1/chain/export"))
            .header("Authorization", "Bearer " + info.token())
            .header("Accept", "application/vnd.ipld.car, application/problem+json").GET().build();
        Optional<Path> file = out.filter(p -> !Files.isDirectory(p));
        Path dir = out.map(p -> file.isPresent() ? p.toAbsolutePath().getParent() : p.toAbsolutePath())
            .orElse(Path.of("").toAbsolutePath());
        Path partial;
        try {
            partial = Files.createTempFile(dir, ".granary-export-", ".car.partial");
        } catch (IOException e) {
            throw new CliFailure(action + ": cannot create a file in " + dir + ": " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(request, head -> head.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(partial), Path::toString)
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw ApiClient.NodeRefusedException.from(action, response);
            }
            Path target = file.orElseGet(() -> dir.resolve(suggestedName(response)));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(target, Files.size(target));
        } catch (IOException e) {
            throw new CliFailure(action + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + " (is the node at " + info.base() + " running?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(action + ": interrupted");
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // the rename already happened, or the temporary file is gone with its directory
            }
        }
    }

    /** The node's Content-Disposition name, reduced to safe characters; a fixed name otherwise. */
    private static String suggestedName(HttpResponse<?> response) {
        Matcher m = FILENAME.matcher(response.headers().firstValue("Content-Disposition").orElse(""));
        return m.find() ? m.group(1) : "granary-chain.car";
    }
}

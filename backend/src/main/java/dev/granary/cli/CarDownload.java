package dev.granary.cli;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams GET /api/v1/chain/export into a file. The bytes go to a temporary file beside the target,
 * which is renamed only once the whole CAR has arrived, so an interrupted export leaves no truncated file
 * that looks like a snapshot.
 */
final class CarDownload {

    private static final Pattern FILENAME = Pattern.compile("filename=\"([A-Za-z0-9][A-Za-z0-9._-]*)\"");

    /** Where the CAR went and its size. */
    record Result(Path file, long bytes) {}

    private CarDownload() {}

    /**
     * @param out the file to write, or a directory for the node's suggested name in it; empty for the
     *            suggested name in the current directory
     */
    static Result export(ApiClient api, Optional<Path> out) {
        String action = "exporting the chain";
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
            HttpHeaders headers = api.download(action, "/v1/chain/export", "application/vnd.ipld.car", partial);
            Path target = file.orElseGet(() -> dir.resolve(suggestedName(headers)));
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Result(target, Files.size(target));
            } catch (IOException e) {
                throw new CliFailure(action + ": cannot write " + target + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // the rename already happened, or the temporary file is gone with its directory
            }
        }
    }

    /** The node's Content-Disposition name, reduced to safe characters; a fixed name otherwise. */
    private static String suggestedName(HttpHeaders headers) {
        Matcher m = FILENAME.matcher(headers.firstValue("Content-Disposition").orElse(""));
        return m.find() ? m.group(1) : "granary-chain.car";
    }
}

package dev.granary.storage.rest;

import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.Problem;
import dev.granary.api.ProblemException;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.storage.ServedFile;
import dev.granary.storage.StorageService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remote store's server side (Lotus' /remote/{type}/{id} handler): this node's sector files for
 * other nodes, with single-range HTTP Range reads so a fetch can continue where it stopped. A cache
 * directory is served file by file after its manifest (Lotus sends a tar of the directory; files one by
 * one are what makes a fetch resumable). Read permission: give the fetching node an API token of this one.
 */
public final class StorageFileRoutes implements RouteGroup {

    private static final String TAG = "storage";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");
    private final StorageService storage;

    public StorageFileRoutes(StorageService storage) {
        this.storage = storage;
    }

    @Override
    public List<ApiRoute> routes() {
        JsonSchema bytes = JsonSchema.string().format("binary");
        return List.of(
            ApiRoute.get("/v1/storage/manifests/{type}/{sector}").permission(Permission.READ).tag(TAG)
                .summary("The files of a sector file (one) or cache directory (each), with sizes, for a fetch")
                .response(200, "The files", JsonSchema.object().prop("files", JsonSchema.array(JsonSchema.object()
                    .prop("name", JsonSchema.string()).prop("size", JsonSchema.integer()))))
                .handler(StorageRoutes.guard(this::manifest)),
            ApiRoute.get("/v1/storage/files/{type}/{sector}").permission(Permission.READ).tag(TAG)
                .summary("A sector file (unsealed, sealed, update) by name like s-t01000-3; supports Range")
                .response(200, "The file", "application/octet-stream", bytes)
                .response(206, "The requested range", "application/octet-stream", bytes)
                .handler(StorageRoutes.guard(ctx -> serve(ctx, null))),
            ApiRoute.get("/v1/storage/files/{type}/{sector}/{file}").permission(Permission.READ).tag(TAG)
                .summary("One file of a cache directory (e.g. p_aux, sc-02-data-tree-r-last.dat); supports Range")
                .response(200, "The file", "application/octet-stream", bytes)
                .response(206, "The requested range", "application/octet-stream", bytes)
                .handler(StorageRoutes.guard(ctx -> serve(ctx, ctx.pathParam("file")))));
    }

    private void manifest(Context ctx) {
        List<ServedFile> files = storage.manifest(RestAccess.actor(ctx), type(ctx), sector(ctx));
        ctx.json(Map.of("files", files.stream().map(f -> Map.of("name", f.file().getFileName().toString(),
            "size", f.size())).toList()));
    }

    private void serve(Context ctx, String inner) {
        ServedFile f = storage.openFile(RestAccess.actor(ctx), type(ctx), sector(ctx), inner);
        long start = 0;
        long end = f.size() - 1;
        String range = ctx.header("Range");
        if (range != null && !range.isBlank()) {
            long[] r;
            try {
                r = range(range.strip(), f.size());
            } catch (ProblemException e) {
                ctx.header("Content-Range", "bytes */" + f.size()); // RFC 9110 15.5.17: the size, for a retry
                throw e;
            }
            start = r[0];
            end = r[1];
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + f.size());
        }
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Length", String.valueOf(end - start + 1));
        try {
            FileChannel ch = FileChannel.open(f.file(), StandardOpenOption.READ);
            ch.position(start);
            InputStream in = Channels.newInputStream(ch);
            ctx.result(new BoundedStream(in, end - start + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + f.file() + ": " + e.getMessage(), e);
        }
    }

    /** One "bytes=a-b", "bytes=a-" or "bytes=-n" range; anything else answers 416. */
    static long[] range(String header, long size) {
        Matcher m = RANGE.matcher(header);
        if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            try {
                long start;
                long end;
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    start = Math.max(0, size - suffix);
                    end = size - 1;
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (start <= end && start < size) {
                    return new long[] {start, end};
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new ProblemException(new Problem("urn:granary:problem:range-not-satisfiable", "Range not satisfiable",
            416, "the Range header '" + header + "' does not select bytes of this " + size + "-byte file; send one range"
                + " like bytes=1024-", null, null, Map.of("size", size)));
    }

    private static SectorFileType type(Context ctx) {
        return SectorFileType.parse(ctx.pathParam("type"));
    }

    private static SectorName sector(Context ctx) {
        return SectorName.parse(ctx.pathParam("sector"));
    }

    /** Stops after {@code remaining} bytes, closing the file when done. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

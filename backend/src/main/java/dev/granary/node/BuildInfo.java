package dev.granary.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What was built: the version stamped into the jar by Maven. */
public record BuildInfo(String version, String javaVersion) {

    public static BuildInfo current() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/granary/build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading build info: " + e.getMessage(), e);
        }
        return new BuildInfo(props.getProperty("version", "unknown"), Runtime.version().toString());
    }
}

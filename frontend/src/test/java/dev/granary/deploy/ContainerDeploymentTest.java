package dev.granary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.node.HostPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No container engine runs here, so this checks what docker-compose.yml and the Dockerfile would run:
 * the jar the build produces, the port the node listens on, and the home on a volume.
 */
class ContainerDeploymentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeRunsTheBuiltJarWithItsHomeOnAVolumeAndThePortPublished() throws Exception {
        JsonNode compose = new YAMLMapper().readTree(Files.readString(ROOT.resolve("docker-compose.yml")));
        JsonNode node = compose.at("/services/granary");
        assertEquals("Dockerfile", node.at("/build/dockerfile").asString());
        String dockerfile = Files.readString(ROOT.resolve(node.at("/build/context").asString())
            .resolve(node.at("/build/dockerfile").asString()));

        assertEquals(builtJarPath(), copiedJar(dockerfile), "the image copies the jar the build produces");
        assertTrue(dockerfile.contains("\"-jar\", \"/opt/granary/granary.jar\""), "the entrypoint runs the copied jar");

        List<String> command = strings(node.get("command"));
        assertEquals("run", command.get(0));
        String home = argument(command, "--home");
        HostPort listen = HostPort.parse(argument(command, "--listen"));

        String port = node.get("ports").get(0).asString();
        assertTrue(port.endsWith(":" + listen.port()), "published container port " + port + " is the listen port");
        assertTrue(port.startsWith("127.0.0.1:"), "published on the host's loopback only: " + port);
        assertTrue(dockerfile.contains("EXPOSE " + listen.port()));

        String volume = node.get("volumes").get(0).asString();
        String[] parts = volume.split(":");
        assertEquals(home, parts[1], "the home is the mounted volume");
        assertTrue(compose.at("/volumes").has(parts[0]), "named volume " + parts[0] + " is declared");
        assertTrue(dockerfile.contains("ENV GRANARY_HOME=" + home));
        assertTrue(dockerfile.contains("VOLUME [\"" + home + "\"]"));
    }

    private static String builtJarPath() throws Exception {
        String pom = Files.readString(ROOT.resolve("frontend/pom.xml"));
        Matcher m = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>").matcher(pom);
        assertTrue(m.find(), "frontend/pom.xml names the shaded jar");
        return "frontend/target/" + m.group(1);
    }

    private static String copiedJar(String dockerfile) {
        Matcher m = Pattern.compile("(?m)^COPY (\\S+) /opt/granary/granary.jar$").matcher(dockerfile);
        assertTrue(m.find(), "Dockerfile copies the jar");
        return m.group(1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String argument(List<String> command, String option) {
        int i = command.indexOf(option);
        assertTrue(i >= 0 && i + 1 < command.size(), "command has " + option);
        return command.get(i + 1);
    }
}

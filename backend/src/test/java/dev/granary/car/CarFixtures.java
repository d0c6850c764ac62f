package dev.granary.car;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-class-path access to testdata/vectors. */
final class CarFixtures {

    private CarFixtures() {
    }

    static byte[] resource(String path) {
        try (InputStream in = CarFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] carVector(String field) {
        JsonNode car = JsonMapper.shared().readTree(resource("/vectors/filecoin.json")).get("car");
        return HexFormat.of().parseHex(car.get(field).asString());
    }

    static List<CarBlock> readAll(CarReader reader) {
        List<CarBlock> blocks = new ArrayList<>();
        for (CarBlock b = reader.next(); b != null; b = reader.next()) {
            blocks.add(b);
        }
        return blocks;
    }
}

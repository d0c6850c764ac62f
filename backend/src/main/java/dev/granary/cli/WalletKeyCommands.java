package dev.granary.cli;

import dev.granary.address.Address;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** `granary wallet import|export|delete`: keys entering and leaving the store (admin). */
final class WalletKeyCommands {

    private WalletKeyCommands() {}

    /** Lotus' --format values; picocli lists them in the help. */
    enum Format {
        HEX_LOTUS("hex-lotus"), JSON_LOTUS("json-lotus");

        final String name;

        Format(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }

        static Format of(String text) {
            for (Format f : values()) {
                if (f.name.equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a key format: use hex-lotus or json-lotus");
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a key exported by `lotus wallet export` (or `granary wallet export`) into the store.",
            "Reads FILE, or standard input when FILE is - or omitted. Needs the admin permission."})
    static final class Import extends WalletCommand.WalletVerb {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The key file; - or omitted: standard input.")
        String file;

        @Option(names = "--format", paramLabel = "FORMAT", converter = FormatText.class,
            description = "hex-lotus or json-lotus (default: json-lotus when the text is a JSON object, else hex-lotus).")
        Format format;

        @Option(names = "--label", paramLabel = "TEXT", description = "A label for the key.")
        String label;

        @Option(names = "--as-default", description = "Make the imported key the default address.")
        boolean asDefault;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String text = readKey();
            Format chosen = format != null ? format : text.strip().startsWith("{") ? Format.JSON_LOTUS : Format.HEX_LOTUS;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("format", chosen.name);
            body.put("key", text.strip());
            body.put("label", label == null ? "" : label);
            ApiClient.Answer answer = api.post("importing a key", "/v1/wallets/import", body);
            String address = text(answer.json(), "address");
            if (asDefault) {
                api.post("making " + address + " the default", path(Address.parse(address)) + "/default", Map.of());
            }
            out.println(json ? answer.body() : "imported key " + address + " successfully!");
        }

        private String readKey() {
            if (file == null || file.equals("-")) {
                try {
                    return new String(wallet.stdin.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CliFailure("reading the key from standard input: " + e.getMessage());
                }
            }
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliFailure("reading key file " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Print a key from the store in a Lotus format (hex-lotus by default, as `lotus wallet export`).",
            "The output IS the key: keep it offline. Needs the admin permission; the node audits every export."})
    static final class Export extends WalletCommand.WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Option(names = "--format", paramLabel = "FORMAT", converter = FormatText.class, defaultValue = "hex-lotus",
            description = "hex-lotus or json-lotus (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.post("exporting " + address, path(address) + "/export",
                Map.of("format", format.name));
            JsonNode body = answer.json();
            out.println(json ? answer.body() : text(body, "key"));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a key from the store for good (export it first if you may need it).",
            "--confirm must repeat the address. The node refuses the owner or worker of any miner. Admin only."})
    static final class Delete extends WalletCommand.WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Option(names = "--confirm", paramLabel = "ADDRESS", description = "The same address again.")
        String confirm;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String query = confirm == null ? "" : "?confirm=" + ApiClient.segment(confirm.strip());
            api.delete("deleting " + address, path(address) + query);
            out.println("deleted " + address);
        }
    }

    static final class FormatText implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

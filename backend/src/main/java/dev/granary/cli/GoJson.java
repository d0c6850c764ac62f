package dev.granary.cli;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * JSON laid out as Go's json.MarshalIndent(v, "", "  ") lays it out, which is what Lotus' CLI prints:
 * two-space indents, "key": value, and [] / {} for empty containers. (Go's escaping of &lt;, &gt; and
 * &amp; as \u003c... is not copied: the text means the same.)
 */
final class GoJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private GoJson() {}

    static String indent(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(indent).append("  ").append(scalar(JsonNodeFactory.instance.stringNode(field.getKey())))
                    .append(": ");
                write(field.getValue(), indent + "  ", out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("  ");
                write(node.get(i), indent + "  ", out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        return JSON.writeValueAsString(node);
    }
}

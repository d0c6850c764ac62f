package dev.granary.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for the JSON Schema fragments the OpenAPI document carries (OpenAPI 3.1 = JSON Schema 2020-12). */
public final class JsonSchema {

    private final Map<String, Object> node = new LinkedHashMap<>();

    private JsonSchema(String type) {
        if (type != null) {
            node.put("type", type);
        }
    }

    public static JsonSchema string() { return new JsonSchema("string"); }
    public static JsonSchema integer() { return new JsonSchema("integer"); }
    public static JsonSchema number() { return new JsonSchema("number"); }
    public static JsonSchema bool() { return new JsonSchema("boolean"); }
    public static JsonSchema object() { return new JsonSchema("object"); }

    public static JsonSchema array(JsonSchema items) {
        JsonSchema s = new JsonSchema("array");
        s.node.put("items", items.toMap());
        return s;
    }

    public static JsonSchema ref(String componentName) {
        JsonSchema s = new JsonSchema(null);
        s.node.put("$ref", "#/components/schemas/" + componentName);
        return s;
    }

    public JsonSchema description(String text) {
        node.put("description", text);
        return this;
    }

    public JsonSchema format(String format) {
        node.put("format", format);
        return this;
    }

    public JsonSchema enumOf(String... values) {
        node.put("enum", List.of(values));
        return this;
    }

    public JsonSchema example(Object value) {
        node.put("examples", List.of(value));
        return this;
    }

    /** Adds a property; required ones are listed in {@code required}. */
    public JsonSchema prop(String name, JsonSchema schema, boolean required) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) node.computeIfAbsent("properties", k -> new LinkedHashMap<>());
        props.put(name, schema.toMap());
        if (required) {
            @SuppressWarnings("unchecked")
            List<String> req = (List<String>) node.computeIfAbsent("required", k -> new ArrayList<String>());
            req.add(name);
        }
        return this;
    }

    public JsonSchema prop(String name, JsonSchema schema) {
        return prop(name, schema, true);
    }

    public JsonSchema additionalProperties(JsonSchema schema) {
        node.put("additionalProperties", schema.toMap());
        return this;
    }

    public Map<String, Object> toMap() {
        return node;
    }
}

package dev.picket.engine.sigma.parse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML scalar: its type as the YAML parser resolved it, its text as written (so {@code 0x17}
 * stays {@code 0x17}: Sigma treats values as strings) and its typed JSON value.
 */
public record YamlScalar(int line, Type type, String text, JsonNode value) implements YamlNode {

    public enum Type { STRING, NUMBER, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public JsonNode toJson() {
        return value;
    }

    @Override
    public String kind() {
        return type == Type.NULL ? "null" : "a " + type.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;

/** Small, null-tolerant reads of JSON fields shared by the decoders. */
final class Fields {
    private Fields() {
    }

    /** The field's value as text when it is a non-empty scalar, else null. */
    static String text(JsonNode parent, String field) {
        if (parent == null) return null;
        JsonNode value = parent.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) return null;
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** The object at a path of plain keys, or null. */
    static JsonNode object(JsonNode parent, String... path) {
        JsonNode node = parent;
        for (String key : path) {
            if (node == null) return null;
            node = node.get(key);
        }
        return node != null && node.isObject() ? node : null;
    }

    static long longValue(JsonNode value, String field) throws DecodeException {
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) return value.longValue();
        if (value != null && value.isTextual()) {
            try {
                return Long.parseLong(value.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new DecodeException("'" + field + "' is not a whole number: " + (value == null ? "missing" : quote(value.asText())));
    }

    /** A value quoted for an error message, cut short so a hostile input cannot flood the error output. */
    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return '"' + shown + '"';
    }
}

package dev.picket.engine.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Removes secrets from a decoded record before it leaves the engine as evidence:
 * <ul>
 *   <li>the values of a Secret's {@code data} and {@code stringData} (keys stay: they say what was
 *       exposed), for objects of kind Secret, items of a SecretList, and an audit event's request and
 *       response objects when {@code objectRef.resource} is {@code secrets};</li>
 *   <li>the same inside the {@code kubectl.kubernetes.io/last-applied-configuration} annotation, a JSON
 *       string holding the whole applied object;</li>
 *   <li>string values of fields whose name says secret ({@code password}, {@code token}, a TokenRequest's
 *       {@code status.token}), and the {@code value} of {@code {name, value}} pairs such as container
 *       {@code env} entries whose name says secret;</li>
 *   <li>secrets in any other string: bearer tokens, Authorization headers, secret URL parameters,
 *       password options, JSON Web Tokens ({@link SecretText}).</li>
 * </ul>
 * Copy on write: the input is never modified; untouched subtrees are shared with the result, and a
 * record without secrets comes back as the same instance.
 */
public final class Redactor {
    public static final String MASK = SecretText.MASK;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Redactor() {
    }

    /** The record with its secrets replaced by {@value #MASK}. */
    public static ObjectNode redact(ObjectNode record) {
        ObjectNode out = (ObjectNode) walk(record, false);
        if ("secrets".equals(record.path("objectRef").path("resource").asText())) {
            out = secretField(out, record, "requestObject");
            out = secretField(out, record, "responseObject");
        }
        return out;
    }

    /** A free-text value (a correlation's group-by value) with its secrets replaced. */
    public static String redact(String text) {
        return SecretText.redact(text);
    }

    private static ObjectNode secretField(ObjectNode out, ObjectNode original, String field) {
        if (!(out.get(field) instanceof ObjectNode value)) return out;
        JsonNode redacted = secretOrList(value);
        if (redacted == value) return out;
        ObjectNode copy = out == original ? shallowCopy(original) : out;
        copy.set(field, redacted);
        return copy;
    }

    /** A Secret, or a list response (kind SecretList, or no kind at all) holding Secrets in items. */
    private static JsonNode secretOrList(ObjectNode value) {
        if (!(value.get("items") instanceof ArrayNode items)) return secret(value);
        JsonNode redacted = walkArray(items, true);
        return redacted == items ? value : shallowCopy(value).set("items", redacted);
    }

    /** The node with secrets removed; {@code isSecret} says the node is a Secret whatever its kind says. */
    private static JsonNode walk(JsonNode node, boolean isSecret) {
        if (node.isTextual()) {
            String text = SecretText.redact(node.asText());
            return text == node.asText() ? node : TextNode.valueOf(text);
        }
        if (node.isArray()) return walkArray((ArrayNode) node, false);
        if (!node.isObject()) return node;
        ObjectNode object = (ObjectNode) node;
        String kind = object.path("kind").asText();
        if (isSecret || "Secret".equals(kind)) return secret(object);
        ObjectNode copy = null;
        boolean secretItems = "SecretList".equals(kind);
        boolean namedValue = object.path("name").isTextual() && SecretNames.looksSecret(object.get("name").asText());
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode value = e.getValue();
            JsonNode replaced = field(e.getKey(), value, secretItems, namedValue);
            if (replaced != value) {
                if (copy == null) copy = shallowCopy(object);
                copy.set(e.getKey(), replaced);
            }
        }
        return copy == null ? object : copy;
    }

    private static JsonNode field(String name, JsonNode value, boolean secretItems, boolean namedValue) {
        if (value.isValueNode() && !value.isNull()) {
            boolean secretName = SecretNames.looksSecret(name) || (namedValue && name.equals("value"));
            if (secretName && value.isTextual() && !value.asText().isEmpty()) return TextNode.valueOf(MASK);
            if (name.equals(LAST_APPLIED) && value.isTextual()) return lastApplied(value);
        }
        if (secretItems && name.equals("items") && value.isArray()) return walkArray((ArrayNode) value, true);
        return walk(value, false);
    }

    private static JsonNode walkArray(ArrayNode array, boolean secretElements) {
        ArrayNode copy = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            JsonNode replaced = walk(element, secretElements && element.isObject());
            if (replaced != element) {
                if (copy == null) copy = array.arrayNode().addAll(array);
                copy.set(i, replaced);
            }
        }
        return copy == null ? array : copy;
    }

    /** A new object holding the same children: changed ones are then replaced, the rest stay shared. */
    private static ObjectNode shallowCopy(ObjectNode object) {
        ObjectNode copy = object.objectNode();
        copy.setAll(object);
        return copy;
    }

    /** A Secret: every value of data and stringData masked, the rest walked as usual. */
    private static JsonNode secret(ObjectNode secret) {
        ObjectNode copy = null;
        for (Map.Entry<String, JsonNode> e : secret.properties()) {
            JsonNode value = e.getValue();
            JsonNode replaced = switch (e.getKey()) {
                case "data", "stringData" -> maskValues(value);
                default -> field(e.getKey(), value, false, false);
            };
            if (replaced != value) {
                if (copy == null) copy = shallowCopy(secret);
                copy.set(e.getKey(), replaced);
            }
        }
        return copy == null ? secret : copy;
    }

    private static JsonNode maskValues(JsonNode data) {
        if (!data.isObject()) return data.isNull() ? data : TextNode.valueOf(MASK);
        if (data.isEmpty()) return data;
        ObjectNode masked = JSON.createObjectNode();
        data.fieldNames().forEachRemaining(k -> masked.put(k, MASK));
        return masked;
    }

    /** The annotation holds the applied object as JSON: redact it as an object; unreadable, drop it whole. */
    private static JsonNode lastApplied(JsonNode annotation) {
        try {
            JsonNode applied = JSON.readTree(annotation.asText());
            if (applied == null || !applied.isObject()) return walk(annotation, false);
            JsonNode redacted = walk(applied, false);
            return redacted == applied ? annotation : TextNode.valueOf(JSON.writeValueAsString(redacted));
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(MASK);
        }
    }
}

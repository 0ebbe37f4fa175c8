package dev.picket.engine.sigma.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML text, possibly of several {@code ---}-separated documents, into located trees,
 * taking each node's line from the parser's token location.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlReader() {}

    /**
     * The documents of the text, empty ones left out.
     *
     * @throws YamlException at the first syntax error (what follows it cannot be read reliably);
     *                       carries the documents read before it
     */
    public static List<YamlNode> read(String text) throws YamlException {
        List<YamlNode> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                YamlNode document = value(parser, token);
                if (!(document instanceof YamlScalar s && s.isNull())) documents.add(document);
            }
        } catch (YamlException e) {
            throw new YamlException(e.line(), e.getMessage(), documents);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            throw new YamlException(where == null ? 1 : Math.max(1, where.getLineNr()),
                    "not valid YAML: " + oneLine(e.getOriginalMessage()), documents);
        } catch (IOException e) {
            throw new YamlException(1, "cannot read: " + e.getMessage(), documents);
        }
        return documents;
    }

    /** The parser's explanation without its source excerpts and position lines (the line is reported apart). */
    private static String oneLine(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .distinct()
                .collect(java.util.stream.Collectors.joining(": "));
    }

    private static YamlNode value(JsonParser p, JsonToken token) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        return switch (token) {
            case START_OBJECT -> {
                List<YamlMap.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    for (YamlMap.Entry e : entries) {
                        if (e.key().equals(key)) {
                            throw new YamlException(keyLine, "duplicate key '" + key
                                    + "' (first at line " + e.line() + ")", List.of());
                        }
                    }
                    entries.add(new YamlMap.Entry(key, keyLine, value(p, p.nextToken())));
                }
                yield new YamlMap(line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) items.add(value(p, t));
                yield new YamlList(line, items);
            }
            case VALUE_STRING -> new YamlScalar(line, YamlScalar.Type.STRING, p.getText(), NODES.textNode(p.getText()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlScalar(line, YamlScalar.Type.NUMBER, p.getText(), number(p));
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(line, YamlScalar.Type.BOOLEAN, p.getText(),
                    NODES.booleanNode(token == JsonToken.VALUE_TRUE));
            case VALUE_NULL -> new YamlScalar(line, YamlScalar.Type.NULL, "", NODES.nullNode());
            default -> throw new YamlException(line, "unexpected YAML token " + token, List.of());
        };
    }

    private static JsonNode number(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            case BIG_INTEGER -> NODES.numberNode(p.getBigIntegerValue());
            case FLOAT, DOUBLE -> NODES.numberNode(p.getDoubleValue());
            case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
        };
    }
}

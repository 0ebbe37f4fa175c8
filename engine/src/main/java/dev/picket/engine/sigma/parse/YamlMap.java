package dev.picket.engine.sigma.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A YAML mapping with its keys in document order, each key with its own line. */
public record YamlMap(int line, List<Entry> entries) implements YamlNode {

    /** One key and its value; {@code line} is the key's line. */
    public record Entry(String key, int line, YamlNode value) {}

    public YamlMap {
        entries = List.copyOf(entries);
    }

    /** The value under the key, or null. */
    public YamlNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value;
    }

    /** The entry for the key, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key.equals(key)) return e;
        }
        return null;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Entry e : entries) object.set(e.key, e.value.toJson());
        return object;
    }

    @Override
    public String kind() {
        return "a map";
    }
}

package dev.picket.engine.sigma.parse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/** A YAML sequence. */
public record YamlList(int line, List<YamlNode> items) implements YamlNode {
    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
        for (YamlNode item : items) array.add(item.toJson());
        return array;
    }

    @Override
    public String kind() {
        return "a list";
    }
}

package dev.picket.engine.sigma.parse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML node that remembers the line it starts on, so every rule error can name FILE:LINE.
 * Jackson's own tree forgets locations; rules are small, so a second, located tree is cheap.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
    /** 1-based line of the node's first token. */
    int line();

    /** The same node as a plain JSON tree (for {@code RuleInfo.document}). */
    JsonNode toJson();

    /** A short name of the node's shape, for error messages. */
    String kind();
}

package dev.picket.engine.sigma.parse;

import java.util.List;

/** A YAML text that could not be read past a line; the documents before it are kept. */
public final class YamlException extends java.io.IOException {
    private final int line;
    private final transient List<YamlNode> documentsBefore;

    YamlException(int line, String message, List<YamlNode> documentsBefore) {
        super(message);
        this.line = line;
        this.documentsBefore = List.copyOf(documentsBefore);
    }

    public int line() {
        return line;
    }

    /** The complete documents that precede the error. */
    public List<YamlNode> documentsBefore() {
        return documentsBefore;
    }
}

package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * open(2) flags as the names runtime events carry in {@code OpenFlags} (a list, so a rule testing
 * {@code OpenFlags: O_CREAT} matches any of them), from a number or from {@code A|B} text.
 */
public final class OpenFlags {
    /** Linux values (asm-generic/fcntl.h), the access mode first. */
    private static final int ACCESS_MODE = 0x3;
    private static final String[] MODES = {"O_RDONLY", "O_WRONLY", "O_RDWR"};
    private static final int[] BITS = {0x40, 0x80, 0x200, 0x400, 0x10000, 0x20000, 0x80000};
    private static final String[] BIT_NAMES = {"O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND", "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC"};

    private OpenFlags() {
    }

    /** The flag names, or null when the value is neither a number nor flag text. */
    public static ArrayNode names(JsonNode value) {
        if (value == null) return null;
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        if (value.isIntegralNumber()) {
            int flags = value.intValue();
            int mode = flags & ACCESS_MODE;
            if (mode < MODES.length) names.add(MODES[mode]);
            for (int i = 0; i < BITS.length; i++) {
                if ((flags & BITS[i]) != 0) names.add(BIT_NAMES[i]);
            }
            return names;
        }
        if (value.isTextual() && value.textValue().startsWith("O_")) {
            for (String name : value.textValue().split("\\|")) {
                if (!name.isBlank()) names.add(name.trim());
            }
            return names;
        }
        return null;
    }

    /** True when the names ask for the file to be changed. */
    public static boolean writes(ArrayNode names) {
        if (names == null) return false;
        for (JsonNode n : names) {
            switch (n.asText()) {
                case "O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}

package dev.picket.engine.sigma.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A rule value on its way through the transforming modifiers: a Sigma string, or bytes after a
 * UTF-16 modifier. Encoded values are compared exactly as encoded: Base64 text is case-sensitive.
 */
public record SigmaValue(SigmaString string, byte[] bytes, boolean encoded) {

    /** {@code -}, {@code /}, en dash, em dash, horizontal bar. */
    public static final String DASHES = "-/\u2013\u2014\u2015";
    private static final int MAX_WINDASH_VARIANTS = 5 * 5 * 5 * 5 * 5;

    public static SigmaValue of(SigmaString s) {
        return new SigmaValue(s, null, false);
    }

    /** The Sigma string to match: bytes become one char per byte, as they would appear in a log. */
    public SigmaString matchable() {
        return bytes == null ? string : SigmaString.literal(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Applies one transforming modifier, giving one or more values. */
    public List<SigmaValue> apply(Modifier m) {
        return switch (m) {
            case CONTAINS -> List.of(new SigmaValue(matchable().contained(), null, encoded));
            case STARTSWITH -> List.of(new SigmaValue(matchable().suffixedStar(), null, encoded));
            case ENDSWITH -> List.of(new SigmaValue(matchable().prefixedStar(), null, encoded));
            case WINDASH -> windash();
            case BASE64 -> List.of(encoded(Base64.getEncoder().encodeToString(plainBytes(m))));
            case BASE64OFFSET -> base64Offsets(plainBytes(m));
            case UTF16LE, WIDE -> List.of(new SigmaValue(null, plain(m).getBytes(StandardCharsets.UTF_16LE), true));
            case UTF16BE -> List.of(new SigmaValue(null, plain(m).getBytes(StandardCharsets.UTF_16BE), true));
            case UTF16 -> List.of(new SigmaValue(null, withBom(plain(m).getBytes(StandardCharsets.UTF_16LE)), true));
            default -> throw new IllegalArgumentException(m.word() + " does not transform values");
        };
    }

    private List<SigmaValue> windash() {
        if (bytes != null) throw new IllegalArgumentException("windash cannot follow an encoding modifier");
        if (Math.pow(DASHES.length(), string.count(DASHES)) > MAX_WINDASH_VARIANTS) {
            throw new IllegalArgumentException("windash on a value with more than 5 dashes would make too many variants");
        }
        List<SigmaValue> out = new ArrayList<>();
        for (SigmaString s : string.permute(DASHES)) out.add(new SigmaValue(s, null, encoded));
        return out;
    }

    private String plain(Modifier m) {
        if (bytes != null) throw new IllegalArgumentException(m.word() + " cannot follow another encoding");
        if (string.hasWildcards()) {
            throw new IllegalArgumentException(m.word() + " cannot encode wildcards; escape them or apply contains/startswith/endswith after it");
        }
        return string.chars();
    }

    private byte[] plainBytes(Modifier m) {
        return bytes != null ? bytes : plain(m).getBytes(StandardCharsets.UTF_8);
    }

    private static SigmaValue encoded(String text) {
        return new SigmaValue(SigmaString.literal(text), null, true);
    }

    private static byte[] withBom(byte[] le) {
        byte[] out = new byte[le.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(le, 0, out, 2, le.length);
        return out;
    }

    /**
     * The three Base64 forms of the value at byte offsets 0, 1 and 2 of an enclosing text, keeping
     * only the characters that depend on the value alone: with {@code k} bytes before it, the
     * first {@code 0, 2, 3} characters also carry bits of the preceding bytes, and the last one or
     * two characters of an incomplete final group carry bits of the following bytes.
     */
    private static List<SigmaValue> base64Offsets(byte[] value) {
        int[] skipStart = {0, 2, 3};
        List<SigmaValue> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + value.length];
            System.arraycopy(value, 0, shifted, shift, value.length);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int dropEnd = switch (shifted.length % 3) {
                case 1 -> 1; // one byte in the last group: its second character is partial
                case 2 -> 1; // two bytes: the third character is partial
                default -> 0;
            };
            int end = b64.length() - dropEnd;
            if (end > skipStart[shift]) out.add(encoded(b64.substring(skipStart[shift], end)));
        }
        return out;
    }
}

package dev.picket.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of alerts ended: the last alert's time and id. Pages are ordered by time, then id,
 * both descending, so the next page starts strictly after this pair and alerts stored meanwhile
 * neither shift nor repeat it. Opaque to callers.
 */
record Cursor(long timeMs, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((timeMs + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return new Cursor(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor '" + text + "' is not one this server handed out");
        }
    }
}

package dev.picket.io.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Payloads cloud log services nest inside their records: JSON documents held as strings, base64
 * text, gzip. Every expansion is bounded by the input's record limit, so a small hostile record
 * cannot decompress into something that exhausts memory.
 */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBytes;

    Payloads(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The JSON object a string field holds (an audit event serialised into a log line). */
    ObjectNode jsonObject(String text, String what) throws DecodeException {
        if (text.length() > maxBytes) throw new DecodeException(what + " is longer than " + maxBytes + " bytes");
        return parse(text, what);
    }

    /** The JSON object in base64 text, gzip-compressed or not (recognised by the gzip magic bytes). */
    ObjectNode base64Json(String base64, String what) throws DecodeException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(what + " is not base64: " + e.getMessage());
        }
        byte[] bytes = raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b ? gunzip(raw, what) : raw;
        if (bytes.length > maxBytes) throw new DecodeException(what + " is longer than " + maxBytes + " bytes");
        return parse(bytes, what);
    }

    private byte[] gunzip(byte[] compressed, String what) throws DecodeException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] out = in.readNBytes(maxBytes + 1);
            if (out.length > maxBytes) throw new DecodeException(what + " decompresses to more than " + maxBytes + " bytes");
            return out;
        } catch (IOException e) {
            throw new DecodeException(what + " is not valid gzip data" + (e.getMessage() == null ? " (cut off)" : ": " + e.getMessage()));
        }
    }

    private static ObjectNode parse(Object source, String what) throws DecodeException {
        try {
            JsonNode node = source instanceof byte[] b ? JSON.readTree(b) : JSON.readTree((String) source);
            if (node instanceof ObjectNode object) return object;
            throw new DecodeException(what + " is not a JSON object");
        } catch (JsonProcessingException e) {
            // Only the position: the text may hold a token or a password.
            throw new DecodeException(what + " is not valid JSON (at column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }
}

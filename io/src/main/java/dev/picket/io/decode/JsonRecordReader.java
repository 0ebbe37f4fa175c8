package dev.picket.io.decode;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames JSON objects out of lines: one object per line (JSON lines), pretty-printed objects over
 * many lines, and several documents one after another. Lines are fed to Jackson's non-blocking
 * parser, so a document never has to be held as text.
 *
 * <p>The elements of a Kubernetes list's {@code items} array (an audit {@code EventList}: a top-level
 * object whose {@code kind} ends in {@code List}, written before {@code items} as the API server
 * and kubectl do) are handed on one by one as each completes and are not kept, so a huge or
 * truncated list costs memory for one item only and every complete item before a truncation is
 * decoded.
 *
 * <p>Recovery: a line that starts with <code>{</code> in column 0 always begins a new document
 * (pretty printers indent everything inside one), so a document cut short is reported at its
 * first line and reading goes on at the next. After a syntax error the rest of the broken document
 * is skipped up to the next such line.
 */
final class JsonRecordReader {
    /** Receives framed records and framing errors. */
    interface Sink {
        /** Returning false stops reading. */
        boolean record(JsonRecord record);

        void error(long line, String reason);
    }

    /**
     * Parse errors quote at most a few characters of the offending token and none of the raw input:
     * decode errors are printed and logged, and a broken line may well hold a token or a password.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .errorReportConfiguration(ErrorReportConfiguration.builder().maxErrorTokenLength(12).maxRawContentLength(0).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] NEWLINE = {'\n'};

    private final Sink sink;
    private final int maxRecordBytes;

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    /** Open containers of the document being read; empty between documents. */
    private final List<ContainerNode<?>> open = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** The {@code items} array of the current top-level object, whose elements are streamed. */
    private ArrayNode items;
    private boolean isList;
    private long documentLine;
    private long itemLine;
    private long recordBytes;
    private boolean skipping;
    private boolean stopped;
    private long line;
    /**
     * The previous line's ending, fed only once another line follows: a last line without one,
     * cut short inside a string, then reads as truncated rather than as a string broken by a newline.
     */
    private boolean lineEndPending;

    JsonRecordReader(Sink sink, int maxRecordBytes) {
        this.sink = sink;
        this.maxRecordBytes = maxRecordBytes;
        newParser();
    }

    /** Feeds one line (without its ending); returns false once the sink asked to stop. */
    boolean line(byte[] buf, int len, long number) {
        line = number;
        int first = firstNonBlank(buf, len);
        boolean startsDocument = len > 0 && buf[0] == '{';
        if (startsDocument && !open.isEmpty()) {
            truncated();
        }
        if (startsDocument) skipping = false;
        if (skipping) return !stopped;
        if (first < 0) return !stopped;
        if (open.isEmpty() && buf[first] != '{') {
            sink.error(number, "not a JSON object: starts with '" + printable(buf[first]) + "'");
            return !stopped;
        }
        recordBytes += len;
        if (recordBytes > maxRecordBytes) {
            fail(open.isEmpty() ? number : currentRecordLine(),
                    "JSON record longer than " + maxRecordBytes + " bytes; skipped");
            return !stopped;
        }
        if (lineEndPending) {
            line = number - 1;
            feed(NEWLINE, 1);
            line = number;
            if (skipping || stopped) return !stopped;
        }
        feed(buf, len);
        lineEndPending = true;
        return !stopped;
    }

    /** The input ended; reports a document left open. */
    void end() {
        if (!open.isEmpty() && !skipping) truncated();
    }

    private void feed(byte[] buf, int len) {
        try {
            feeder.feedInput(buf, 0, len);
            JsonToken token;
            while (!stopped && (token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
                onToken(token);
            }
        } catch (FramingException e) {
            fail(line, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            fail(line, "malformed JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // The parser reads only from the bytes fed to it: no I/O can fail here.
            throw new UncheckedIOException(e);
        }
    }

    private void onToken(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> open(NODES.objectNode());
            case START_ARRAY -> {
                if (open.isEmpty()) throw new FramingException("not a JSON object: a top-level array");
                open(NODES.arrayNode());
            }
            case FIELD_NAME -> names.set(open.size() - 1, parser.currentName());
            case END_OBJECT, END_ARRAY -> close();
            case VALUE_STRING -> attach(NODES.textNode(parser.getText()));
            case VALUE_NUMBER_INT -> attach(switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            });
            case VALUE_NUMBER_FLOAT -> attach(NODES.numberNode(parser.getDoubleValue()));
            case VALUE_TRUE -> attach(NODES.booleanNode(true));
            case VALUE_FALSE -> attach(NODES.booleanNode(false));
            case VALUE_NULL -> attach(NODES.nullNode());
            default -> {
                // NOT_AVAILABLE and embedded objects do not occur in text JSON.
            }
        }
    }

    private void open(ContainerNode<?> node) throws FramingException {
        if (open.isEmpty()) {
            documentLine = line;
            isList = false;
            items = null;
        } else if (open.size() == 1 && node.isArray() && "items".equals(names.getFirst()) && isListKind(open.getFirst())) {
            // The list's items are streamed, not attached to the enclosing object.
            items = (ArrayNode) node;
            isList = true;
        } else if (isItemLevel()) {
            // Attached nowhere: the item is handed on whole when it closes.
            itemLine = line;
            recordBytes = 0;
        } else {
            attach(node);
        }
        open.add(node);
        names.add(null);
    }

    /** True when the next container opened is an element of the streamed items array. */
    private boolean isItemLevel() {
        return open.size() == 2 && open.get(1) == items;
    }

    private void close() {
        ContainerNode<?> node = open.removeLast();
        names.removeLast();
        if (open.isEmpty()) {
            recordBytes = 0;
            if (!isList) emitDocument((ObjectNode) node);
        } else if (isItemLevel()) {
            if (node instanceof ObjectNode item) {
                stopped = !sink.record(new JsonRecord(item, (ObjectNode) open.getFirst(), itemLine));
            } else {
                sink.error(itemLine, "list item is not a JSON object");
            }
        }
    }

    /**
     * A whole top-level object. A list whose {@code kind} came after its {@code items} could not be
     * streamed; its items are handed on now, all at the list's first line.
     */
    private void emitDocument(ObjectNode document) {
        if (isListKind(document) && document.get("items") instanceof ArrayNode all) {
            document.remove("items");
            for (JsonNode item : all) {
                if (stopped) return;
                if (item instanceof ObjectNode object) {
                    stopped = !sink.record(new JsonRecord(object, document, documentLine));
                } else {
                    sink.error(documentLine, "list item is not a JSON object");
                }
            }
            return;
        }
        stopped = !sink.record(new JsonRecord(document, null, documentLine));
    }

    /** Kubernetes names list kinds {@code <Kind>List} ({@code EventList}, {@code PodList}). */
    private static boolean isListKind(ContainerNode<?> object) {
        JsonNode kind = object.get("kind");
        return kind != null && kind.isTextual() && kind.textValue().endsWith("List");
    }

    private void attach(JsonNode value) throws FramingException {
        if (open.isEmpty()) throw new FramingException("not a JSON object: a top-level " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        ContainerNode<?> parent = open.getLast();
        if (parent == items) {
            sink.error(line, "list item is not a JSON object");
            return;
        }
        if (parent instanceof ObjectNode object) {
            object.set(names.getLast(), value);
        } else {
            ((ArrayNode) parent).add(value);
        }
    }

    private long currentRecordLine() {
        return open.size() > 2 && open.get(1) == items ? itemLine : documentLine;
    }

    private void truncated() {
        String what = isList ? "JSON list" : "JSON document";
        sink.error(documentLine, what + " starting here is truncated (input breaks off at line " + line + ")"
                + (isList ? "; its complete items were read" : ""));
        reset();
    }

    private void fail(long at, String reason) {
        sink.error(at, reason);
        reset();
        skipping = true;
    }

    private void reset() {
        open.clear();
        names.clear();
        items = null;
        isList = false;
        recordBytes = 0;
        lineEndPending = false;
        newParser();
    }

    private void newParser() {
        try {
            parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    private static int firstNonBlank(byte[] buf, int len) {
        for (int i = 0; i < len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') return i;
        }
        return -1;
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }

    /** A structural problem the parser itself accepts (JSON allows any top-level value). */
    private final class FramingException extends JsonProcessingException {
        FramingException(String message) {
            super(message, parser.currentLocation());
        }
    }
}

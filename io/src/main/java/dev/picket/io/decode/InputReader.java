package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads inputs into events. Unless the settings name a format, each input's format is recognised
 * from its first content: the first line that starts a JSON object or is a syslog line decides the
 * framing, and JSON inputs are then told apart by the fields of their first complete record
 * (audit, journal, Tetragon, Falco, Tracee, then Picket runtime events). Audit inputs are recognised
 * record by record among the audit deliveries (native, EKS, AKS, GKE), so a forwarder may mix them. An input that is neither
 * is reported once and not read further.
 *
 * <p>Bad records are reported to the error consumer as {@code SOURCE:LINE: reason} and reading
 * goes on with the next. An instance holds only settings; each {@code read} is independent.
 */
public final class InputReader {
    /** How many non-blank lines may pass without a JSON object or a syslog line before an input is given up. */
    static final int SNIFF_LINES = 10;

    private final DecodeSettings settings;

    public InputReader(DecodeSettings settings) {
        this.settings = settings;
    }

    public ReadSummary read(Path file, Consumer<Event> events, Consumer<DecodeError> errors) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, events, errors);
        }
    }

    /**
     * Reads one input to its end. Gzip-compressed input (the API server's rotated audit logs with
     * {@code --audit-log-compress}) is recognised by its magic bytes and read decompressed; corrupt
     * or cut-off compressed data is reported as a decode error where it stops.
     *
     * @param source the name events and errors carry (a file name, "webhook")
     * @throws IOException when reading the stream itself fails
     */
    public ReadSummary read(String source, InputStream in, Consumer<Event> events, Consumer<DecodeError> errors)
            throws IOException {
        Run run = new Run(source, events, errors);
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] magic = peek.readNBytes(2);
        peek.unread(magic);
        boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        try {
            LineReader.read(gzip ? new GZIPInputStream(peek, 64 * 1024) : peek, settings.maxLineBytes(), run);
        } catch (ZipException | EOFException e) {
            if (!gzip) throw e;
            run.error(run.lastLine + 1, "compressed input is corrupt or cut off: " + e.getMessage());
        }
        run.end();
        return run.summary();
    }

    /** The format a JSON record belongs to, or null when it is none of them. */
    static InputFormat recognise(JsonRecord record) {
        JsonNode node = record.node();
        InputFormat audit = recogniseAudit(record);
        if (audit != null) return audit;
        if (JournaldDecoder.looksLikeJournald(node)) return InputFormat.JOURNALD;
        if (TetragonDecoder.looksLikeTetragon(node)) return InputFormat.TETRAGON;
        if (FalcoDecoder.looksLikeFalco(node)) return InputFormat.FALCO;
        if (TraceeDecoder.looksLikeTracee(node)) return InputFormat.TRACEE;
        if (RuntimeDecoder.looksLikeRuntime(node)) return InputFormat.RUNTIME;
        return null;
    }

    /** Which delivery of Kubernetes audit events a JSON record is, or null when it is none. */
    static InputFormat recogniseAudit(JsonRecord record) {
        JsonNode node = record.node();
        if (AuditDecoder.looksLikeAudit(node, record.list())) return InputFormat.AUDIT;
        if (EksAuditDecoder.looksLikeEks(node)) return InputFormat.EKS;
        if (AksAuditDecoder.looksLikeAks(node)) return InputFormat.AKS;
        if (GkeAuditDecoder.looksLikeGke(node)) return InputFormat.GKE;
        return null;
    }

    private static Decoder<JsonRecord> jsonDecoder(InputFormat format) {
        return switch (format) {
            case AUDIT -> new AuditDecoder();
            case RUNTIME -> new RuntimeDecoder();
            case JOURNALD -> new JournaldDecoder();
            case TETRAGON -> new TetragonDecoder();
            case FALCO -> new FalcoDecoder();
            case TRACEE -> new TraceeDecoder();
            case SSHD, EKS, AKS, GKE -> throw new IllegalArgumentException("not a single-event JSON format: " + format);
        };
    }

    /** The state of reading one input. */
    private final class Run implements LineReader.Sink, JsonRecordReader.Sink {
        private final String source;
        private final Consumer<Event> events;
        private final Consumer<DecodeError> errors;
        private InputFormat format;
        private JsonRecordReader json;
        /** Decoders of the JSON formats met so far; audit inputs may mix deliveries record by record. */
        private final Map<InputFormat, Decoder<JsonRecord>> jsonDecoders = new EnumMap<>(InputFormat.class);
        private final Map<InputFormat, ManagedAuditDecoder> managedDecoders = new EnumMap<>(InputFormat.class);
        private SyslogDecoder text;
        private long emitted;
        private long skipped;
        private long failed;
        private long lastLine;
        /** Lines read before the framing was known that fit neither framing. */
        private final List<Long> unframed = new ArrayList<>();

        Run(String source, Consumer<Event> events, Consumer<DecodeError> errors) {
            this.source = source;
            this.events = events;
            this.errors = errors;
            InputFormat forced = settings.format();
            if (forced != null) {
                format = forced;
                if (forced.json()) {
                    json = new JsonRecordReader(this, settings.maxLineBytes());
                } else {
                    text = new SyslogDecoder(settings.clock());
                }
            }
        }

        @Override
        public boolean line(byte[] buf, int len, long number) {
            lastLine = number;
            if (json == null && text == null) return sniff(buf, len, number);
            if (json != null) return json.line(buf, len, number);
            if (!isBlank(buf, len)) decode(text, new String(buf, 0, len, StandardCharsets.UTF_8), number);
            return true;
        }

        /**
         * Picks JSON or syslog framing at the first line that is either, and reads that line. Lines
         * before it that are neither (a log cut mid-record, a stray header) are reported once the
         * framing is known; when none of the first {@value InputReader#SNIFF_LINES} lines fits, the input is
         * reported as unrecognised and left.
         */
        private boolean sniff(byte[] buf, int len, long number) {
            if (isBlank(buf, len)) return true;
            int first = 0;
            while (buf[first] == ' ' || buf[first] == '\t') first++;
            if (buf[first] == '{') {
                json = new JsonRecordReader(this, settings.maxLineBytes());
                reportUnframed();
                return json.line(buf, len, number);
            }
            String line = new String(buf, 0, len, StandardCharsets.UTF_8);
            if (SyslogDecoder.isSyslog(line, settings.clock())) {
                format = InputFormat.SSHD;
                text = new SyslogDecoder(settings.clock());
                reportUnframed();
                decode(text, line, number);
                return true;
            }
            unframed.add(number);
            if (unframed.size() < SNIFF_LINES) return true;
            unrecognised();
            return false;
        }

        private void reportUnframed() {
            for (long line : unframed) error(line, "neither a JSON object nor a syslog line");
            unframed.clear();
        }

        private void unrecognised() {
            error(unframed.getFirst(), "unrecognised input: neither JSON objects nor syslog lines (formats: "
                    + InputFormat.ids() + ")");
            unframed.clear();
        }

        @Override
        public boolean record(JsonRecord record) {
            if (format == null) {
                format = recognise(record);
                if (format == null) {
                    error(record.line(), "unrecognised JSON input: not a Kubernetes audit event (native, EKS, AKS or GKE), "
                            + "Picket runtime event, journal entry, nor Tetragon, Falco or Tracee output "
                            + "(use --input-format to name one)");
                    return false;
                }
            }
            InputFormat own = format.audit() ? recogniseAudit(record) : null;
            InputFormat recordFormat = own != null ? own : format;
            if (recordFormat.audit() && recordFormat != InputFormat.AUDIT) {
                unwrap(managedDecoders.computeIfAbsent(recordFormat, this::managedDecoder), record);
            } else {
                decode(jsonDecoders.computeIfAbsent(recordFormat, InputReader::jsonDecoder), record, record.line(), settings.cluster());
            }
            return true;
        }

        private ManagedAuditDecoder managedDecoder(InputFormat f) {
            Payloads payloads = new Payloads(settings.maxLineBytes());
            return switch (f) {
                case EKS -> new EksAuditDecoder(payloads);
                case AKS -> new AksAuditDecoder(payloads);
                case GKE -> new GkeAuditDecoder(payloads);
                default -> throw new IllegalArgumentException("not a managed audit format: " + f);
            };
        }

        /** Each audit event the record carries is decoded as a native one, under the cluster the record names, else the configured one. */
        private void unwrap(ManagedAuditDecoder managed, JsonRecord record) {
            long line = record.line();
            Decoder<JsonRecord> audit = jsonDecoders.computeIfAbsent(InputFormat.AUDIT, InputReader::jsonDecoder);
            try {
                managed.unwrap(record, new ManagedAuditDecoder.Sink() {
                    @Override
                    public void event(ObjectNode event, String cluster) {
                        decode(audit, new JsonRecord(event, null, line), line, cluster != null ? cluster : settings.cluster());
                    }

                    @Override
                    public void error(String reason) {
                        Run.this.error(line, reason);
                    }

                    @Override
                    public void skip() {
                        skipped++;
                    }
                });
            } catch (DecodeException e) {
                error(line, e.getMessage());
            }
        }

        private <R> void decode(Decoder<R> decoder, R record, long line) {
            decode(decoder, record, line, settings.cluster());
        }

        private <R> void decode(Decoder<R> decoder, R record, long line, String cluster) {
            try {
                Event event = decoder.decode(record, new Origin(source, line, cluster));
                if (event == null) {
                    skipped++;
                } else {
                    emitted++;
                    events.accept(event);
                }
            } catch (DecodeException e) {
                error(line, e.getMessage());
            }
        }

        @Override
        public void error(long line, String reason) {
            failed++;
            errors.accept(new DecodeError(source, line, reason));
        }

        @Override
        public void oversized(long number) {
            lastLine = number;
            error(number, "line longer than " + settings.maxLineBytes() + " bytes; skipped");
        }

        void end() {
            if (json != null) json.end();
            if (!unframed.isEmpty()) unrecognised();
        }

        ReadSummary summary() {
            return new ReadSummary(format, emitted, skipped, failed);
        }

        private static boolean isBlank(byte[] buf, int len) {
            for (int i = 0; i < len; i++) {
                if (buf[i] != ' ' && buf[i] != '\t') return false;
            }
            return true;
        }
    }
}

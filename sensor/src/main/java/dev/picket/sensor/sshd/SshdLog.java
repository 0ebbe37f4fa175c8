package dev.picket.sensor.sshd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The node's sshd log, followed as it grows and decoded by the same decoders {@code picket detect}
 * uses: a syslog file ({@code /var/log/auth.log}, {@code /var/log/secure}) when the node has one,
 * else the journal through {@code journalctl -f -o json}. Events go to the consumer from the
 * reading thread.
 */
public final class SshdLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SshdLog.class);
    private static final List<Path> SYSLOG_FILES = List.of(Path.of("/var/log/auth.log"), Path.of("/var/log/secure"));
    private static final Path JOURNAL = Path.of("/run/systemd/journal");

    private final InputStream in;
    private final Process journalctl;
    private final Thread reader;

    private SshdLog(String source, InputStream in, Process journalctl, InputFormat format, Consumer<ObjectNode> events) {
        this.in = in;
        this.journalctl = journalctl;
        InputReader decoder = new InputReader(DecodeSettings.defaults(Clock.systemDefaultZone()).withFormat(format));
        this.reader = Thread.ofPlatform().daemon().name("picket-sensor-sshd").start(() -> {
            try {
                decoder.read(source, in, e -> events.accept(e.root()), error -> LOG.debug("sshd log: {}", error));
            } catch (IOException e) {
                LOG.warn("stopped reading the sshd log {}: {}", source, e.getMessage());
            }
        });
    }

    /** Follows a syslog file. */
    public static SshdLog file(Path file, Consumer<ObjectNode> events) throws IOException {
        return new SshdLog(file.toString(), new FollowedFile(file), null, InputFormat.SSHD, events);
    }

    /** Follows the node's sshd log, wherever it is; null when the node has neither file nor journal. */
    public static SshdLog onNode(Consumer<ObjectNode> events) throws IOException {
        for (Path f : SYSLOG_FILES) if (Files.isReadable(f)) return file(f, events);
        if (!Files.isDirectory(JOURNAL)) return null;
        Process p = new ProcessBuilder("journalctl", "-f", "-o", "json", "-n", "0",
                "SYSLOG_IDENTIFIER=sshd", "SYSLOG_IDENTIFIER=sshd-session", "SYSLOG_IDENTIFIER=sshd-auth")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new SshdLog("journal", p.getInputStream(), p, InputFormat.JOURNALD, events);
    }

    /** The pid of the sensor's journalctl helper, or -1 when it follows a file: its activity is the sensor's own. */
    public long helperPid() {
        return journalctl == null ? -1 : journalctl.pid();
    }

    @Override
    public void close() throws IOException {
        if (journalctl != null) journalctl.destroy();
        in.close();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

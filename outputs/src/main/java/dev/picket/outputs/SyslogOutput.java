package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.Entity;
import dev.picket.engine.rule.Severity;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * Sends each alert as an RFC 5424 syslog message over TCP, optionally TLS (RFC 5425), framed by
 * octet counting (RFC 6587: {@code LENGTH SP MESSAGE}), with a CEF payload as the message, for SIEMs
 * that read CEF. One connection is kept and opened again after a failure.
 *
 * <p>The facility is 10 (authpriv), which relays keep out of world-readable logs; the syslog severity
 * follows the alert's: critical 2, high 3, medium 4, low 5, informational 6.
 */
final class SyslogOutput implements AlertOutput {
    private static final int FACILITY_AUTHPRIV = 10;
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String host;
    private final int port;
    private final SocketFactory sockets;
    private final String hostname;
    private Socket socket;

    /** @param sockets plain for TCP, an {@link SSLSocketFactory} for TLS (its trust decides which servers are accepted) */
    SyslogOutput(String host, int port, SocketFactory sockets, String hostname) {
        this.host = host;
        this.port = port;
        this.sockets = sockets;
        this.hostname = hostname;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        byte[] message = message(alert, hostname).getBytes(StandardCharsets.UTF_8);
        byte[] frame = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = connection().getOutputStream();
            out.write(frame);
            out.write(message);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Socket connection() throws IOException {
        if (socket != null && !socket.isClosed()) return socket;
        // Connected plainly first, with a timeout; TLS is then layered on top of the connection.
        Socket s = sockets instanceof SSLSocketFactory ? new Socket() : sockets.createSocket();
        try {
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            if (sockets instanceof SSLSocketFactory tls) {
                Socket wrapped = tls.createSocket(s, host, port, true);
                var params = ((SSLSocket) wrapped).getSSLParameters();
                // Check the server's certificate names the host: trust alone would accept any server it signed.
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ((SSLSocket) wrapped).setSSLParameters(params);
                ((SSLSocket) wrapped).startHandshake();
                s = wrapped;
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        return s;
    }

    /** {@code <PRI>1 TIMESTAMP HOSTNAME picket - ALERT - CEF:...} */
    static String message(Alert a, String hostname) {
        int pri = FACILITY_AUTHPRIV * 8 + syslogSeverity(a.severity());
        return "<" + pri + ">1 " + TIME.format(a.time()) + " " + hostname + " picket - ALERT - " + cef(a);
    }

    static int syslogSeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFORMATIONAL -> 6;
        };
    }

    /**
     * {@code CEF:0|Picket|Picket|1|RULE|TITLE|SEVERITY|EXTENSION}: CEF severity 0–10 (informational 1,
     * low 3, medium 5, high 8, critical 10); extension keys from the CEF dictionary where one fits
     * ({@code rt} time, {@code suser}, {@code src}, {@code cs1}… labelled custom strings).
     */
    static String cef(Alert a) {
        StringBuilder c = new StringBuilder("CEF:0|Picket|Picket|1|");
        c.append(header(a.ruleId())).append('|').append(header(a.ruleTitle())).append('|').append(cefSeverity(a.severity())).append('|');
        Entity e = a.entity();
        c.append("rt=").append(a.time().toEpochMilli());
        c.append(" externalId=").append(extension(a.id()));
        if (e.user() != null) c.append(" suser=").append(extension(e.user()));
        if (e.sourceIp() != null) c.append(" src=").append(extension(e.sourceIp()));
        if (e.node() != null) c.append(" dhost=").append(extension(e.node()));
        custom(c, 1, "cluster", e.cluster());
        custom(c, 2, "namespace", e.namespace());
        custom(c, 3, "workload", e.workload() == null ? e.pod() : e.workload().kind() + "/" + e.workload().name());
        custom(c, 4, "techniques", a.attack().techniques().isEmpty() ? null : String.join(",", a.attack().techniques()));
        custom(c, 5, "tactics", a.attack().tactics().isEmpty() ? null : String.join(",", a.attack().tactics()));
        custom(c, 6, "image", e.image());
        return c.toString();
    }

    private static void custom(StringBuilder c, int n, String label, String value) {
        if (value == null) return;
        c.append(" cs").append(n).append('=').append(extension(value)).append(" cs").append(n).append("Label=").append(label);
    }

    static int cefSeverity(Severity s) {
        return switch (s) {
            case INFORMATIONAL -> 1;
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }

    /** CEF header fields escape backslash and pipe. */
    static String header(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** CEF extension values escape backslash and equals, and write line breaks as \n. */
    static String extension(String s) {
        return s.replace("\\", "\\\\").replace("=", "\\=").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException e) {
            // The connection is given up either way.
        }
        socket = null;
    }
}

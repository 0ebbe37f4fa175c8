package dev.picket.outputs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Syslog over TLS (RFC 5425) against a local TLS listener with a certificate made by keytool at test time. */
class SyslogTlsTest {
    private static final char[] PASS = "test-pass".toCharArray();

    @TempDir
    static Path keys;
    private static KeyStore server;

    @BeforeAll
    static void certificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "syslog", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keys.resolve("server.p12").toString(), "-storepass", new String(PASS))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
            server.load(in, PASS);
        }
    }

    private static SSLServerSocket listener() throws Exception {
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(server, PASS);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(km.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** A client that trusts the test certificate, as a deployment trusts its SIEM's CA. */
    private static SSLSocketFactory trusting() throws Exception {
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(server);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tm.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static CompletableFuture<String> firstFrame(SSLServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = listener.accept(); DataInputStream in = new DataInputStream(s.getInputStream())) {
                StringBuilder length = new StringBuilder();
                int b;
                while ((b = in.read()) != ' ') {
                    if (b < 0) return null;
                    length.append((char) b);
                }
                byte[] message = new byte[Integer.parseInt(length.toString())];
                in.readFully(message);
                return new String(message, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Test
    void alertsTravelEncryptedToAServerTheClientTrusts() throws Exception {
        try (SSLServerSocket listener = listener();
             SyslogOutput out = new SyslogOutput("127.0.0.1", listener.getLocalPort(), trusting(), "picket-0")) {
            CompletableFuture<String> received = firstFrame(listener);
            out.deliver(TestAlerts.alert("a-tls"));
            assertThat(received.get(10, TimeUnit.SECONDS)).startsWith("<83>1 ").contains("externalId=a-tls");
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedGetsNothing() throws Exception {
        try (SSLServerSocket listener = listener();
             SyslogOutput out = new SyslogOutput("127.0.0.1", listener.getLocalPort(), (SSLSocketFactory) SSLSocketFactory.getDefault(), "picket-0")) {
            CompletableFuture<String> received = firstFrame(listener);
            assertThatThrownBy(() -> out.deliver(TestAlerts.alert("a-tls"))).isInstanceOf(IOException.class);
            assertThat(received.get(10, TimeUnit.SECONDS)).isNull();
        }
    }
}

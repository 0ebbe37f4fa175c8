package dev.picket.server.http;

import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import dev.picket.server.config.ConfigException;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.ingest.CountingDetector;
import dev.picket.server.ingest.TestDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with certificates made by keytool at test time: PEM and PKCS#12 server keys, client certificates. */
class TlsTest {
    private static final String PASS = "changeit";

    @TempDir
    static Path keys;
    @TempDir
    Path data;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=picket test ca", "-ext", "bc:c",
                "-keystore", "ca.p12", "-storepass", PASS, "-validity", "2");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASS, "-file", "ca.crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-keystore", "server.p12", "-storepass", PASS, "-validity", "2");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", "server.p12", "-storepass", PASS, "-file", "server.crt");
        KeyStore server = load(keys.resolve("server.p12"));
        Files.writeString(keys.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(server.getKey("server", PASS.toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        // A client certificate the CA signed, and one it did not.
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-dname", "CN=sensor-node-1",
                "-keystore", "client.p12", "-storepass", PASS, "-validity", "2");
        keytool("-certreq", "-alias", "client", "-keystore", "client.p12", "-storepass", PASS, "-file", "client.csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASS, "-infile", "client.csr",
                "-outfile", "client.crt", "-rfc", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "client.p12", "-storepass", PASS);
        keytool("-importcert", "-alias", "client", "-file", "client.crt", "-keystore", "client.p12", "-storepass", PASS);
        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-dname", "CN=rogue",
                "-keystore", "rogue.p12", "-storepass", PASS, "-validity", "2");
    }

    /**
     * Runs the JDK's keytool in this JVM (the surefire configuration exports its package): a keytool
     * process per step would cost a JVM start each.
     */
    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        for (int i = 0; i < command.size(); i++) {
            if (List.of("-keystore", "-file", "-infile", "-outfile").contains(command.get(i))) {
                command.set(i + 1, keys.resolve(command.get(i + 1)).toString());
            }
        }
        Class<?> main = Class.forName("sun.security.tools.keytool.Main");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = (int) main.getMethod("run", String[].class, PrintStream.class)
                .invoke(main.getConstructor().newInstance(), command.toArray(String[]::new), new PrintStream(out));
        if (status != 0) throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
    }

    private static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private ServerConfig config(ServerConfig.Tls tls, String token) {
        ServerConfig base = TestServers.config(data);
        return new ServerConfig(0, data, null, token, tls, base.store(), base.ingest(), base.incidentWindow(), List.of(), null);
    }

    private static PicketServer start(ServerConfig config) throws IOException {
        return new PicketServer(config, new TestDecoder(), new CountingDetector(), TestServers.MATRIX, TestServers.RULES)
                .start();
    }

    /** A client that trusts the server certificate and presents the given keystore's certificate, if any. */
    private static HttpClient client(String clientKeystore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", load(keys.resolve("server.p12")).getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (clientKeystore != null) kmf.init(load(keys.resolve(clientKeystore)), PASS.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(clientKeystore == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private static final int HANDSHAKE_FAILED = -1;

    /** What a plain-text request to the port gets back within a second: at most an error, never the page. */
    private static String plainHttpAnswer(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[256];
            int n = socket.getInputStream().read(buf);
            return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException | SocketException e) {
            return "";
        }
    }

    private static int status(HttpClient client, int port) throws Exception {
        try {
            return get(client, port, null).statusCode();
        } catch (IOException e) {
            return HANDSHAKE_FAILED;
        }
    }

    private static HttpResponse<String> get(HttpClient client, int port, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v1/alerts"));
        if (token != null) r.header("Authorization", "Bearer " + token);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithAPemCertificateAndKey() throws Exception {
        var tls = new ServerConfig.Tls(keys.resolve("server.crt"), keys.resolve("server.key"), null, null, null);
        try (PicketServer server = start(config(tls, TestServers.TOKEN))) {
            assertThat(get(client(null), server.port(), TestServers.TOKEN).statusCode()).isEqualTo(200);
            assertThat(get(client(null), server.port(), null).statusCode()).isEqualTo(401);
            assertThat(plainHttpAnswer(server.port())).as("no plain HTTP on the TLS port").doesNotContain("200 OK");
        }
    }

    @Test
    void servesHttpsWithAPkcs12Keystore() throws Exception {
        var tls = new ServerConfig.Tls(null, null, keys.resolve("server.p12"), PASS, null);
        try (PicketServer server = start(config(tls, TestServers.TOKEN))) {
            assertThat(get(client(null), server.port(), TestServers.TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientCertificateFromTheConfiguredCaAuthenticatesWithoutAToken() throws Exception {
        var tls = new ServerConfig.Tls(keys.resolve("server.crt"), keys.resolve("server.key"), null, null, keys.resolve("ca.crt"));
        try (PicketServer server = start(config(tls, null))) {
            assertThat(get(client("client.p12"), server.port(), null).statusCode()).isEqualTo(200);
            assertThat(get(client(null), server.port(), null).statusCode()).as("no certificate, no token").isEqualTo(401);
            assertThat(status(client("rogue.p12"), server.port())).as("a certificate the CA did not sign")
                    .isIn(HANDSHAKE_FAILED, 401);
        }
    }

    @Test
    void aKeyFileWithoutAPkcs8KeyIsReportedWithTheFix() throws Exception {
        Path bad = Files.writeString(data.resolve("bad.key"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        var tls = new ServerConfig.Tls(keys.resolve("server.crt"), bad, null, null, null);
        assertThatThrownBy(() -> start(config(tls, TestServers.TOKEN))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds no unencrypted PKCS#8 key").hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aServerWithNoWayToAuthenticateCallersDoesNotStart() {
        var tls = new ServerConfig.Tls(null, null, null, null, null);
        assertThatThrownBy(() -> start(config(tls, null))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PICKET_TOKEN");
    }
}

package dev.picket.simulator.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.picket.simulator.ingest.EventSink;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The local stand-ins the victim reaches over its network: the API server (HTTPS on
 * {@value VictimContainer#API_ADDRESS}:443), the cloud metadata service (HTTP on
 * {@value VictimContainer#METADATA_ADDRESS}:80) and the attacker's file server (HTTP on
 * {@value VictimContainer#HOST_ADDRESS}:8080, serving {@code xmrig}, a renamed copy of {@code true}).
 */
public final class StandIns implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();

    private StandIns() {
    }

    /** Starts all three; call once the victim's network (and with it the addresses) exists. */
    public static StandIns start(Victim victim, String token, EventSink audit, Path scratch) throws IOException, InterruptedException {
        StandIns standIns = new StandIns();
        try {
            HttpsServer api = HttpsServer.create(new InetSocketAddress(VictimContainer.API_ADDRESS, 443), 16);
            api.setHttpsConfigurator(new HttpsConfigurator(selfSigned(scratch)));
            api.createContext("/", new ApiServerStandIn(victim, token, VictimContainer.VICTIM_ADDRESS, audit));
            standIns.add(api);

            HttpServer metadata = HttpServer.create(new InetSocketAddress(VictimContainer.METADATA_ADDRESS, 80), 16);
            metadata.createContext("/", new MetadataStandIn());
            standIns.add(metadata);

            HttpServer attacker = HttpServer.create(new InetSocketAddress(VictimContainer.HOST_ADDRESS, 8080), 16);
            byte[] miner = Files.readAllBytes(Path.of("/bin/true"));
            attacker.createContext("/xmrig", exchange -> respond(exchange, 200, "application/octet-stream", miner));
            standIns.add(attacker);
            return standIns;
        } catch (IOException | RuntimeException e) {
            standIns.close();
            throw e;
        }
    }

    private void add(HttpServer server) {
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        servers.add(server);
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A throwaway certificate for the API stand-in, made with the JDK's keytool (the victim's curl runs with -k, as the reference does). */
    private static SSLContext selfSigned(Path scratch) throws IOException, InterruptedException {
        Path keystore = scratch.resolve("api-standin.p12");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Files.deleteIfExists(keystore);
        HostCommand.run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "api",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=kubernetes.default",
                "-ext", "SAN=dns:kubernetes.default,dns:kubernetes.default.svc,ip:" + VictimContainer.API_ADDRESS,
                "-validity", "1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the API stand-in's certificate: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(keystore);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}

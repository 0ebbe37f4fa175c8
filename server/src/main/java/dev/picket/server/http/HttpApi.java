package dev.picket.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.ingest.BatchDecoder;
import dev.picket.server.ingest.IngestMetrics;
import dev.picket.server.ingest.IngestPipeline;
import dev.picket.server.ingest.Source;
import dev.picket.store.AlertStore;
import dev.picket.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

/**
 * The HTTP(S) face of the server: ingest, the query API, metrics, health and the web UI. Every
 * path needs a bearer token or a client certificate except {@code /healthz} and the UI's static
 * files, which hold no data (the UI asks for the token and sends it with each API call).
 * {@code operations} adds the routes for working alerts and running the server day to day.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Set<String> OPEN_PATHS = Set.of("/healthz", "/", "/index.html", "/app.js", "/style.css");

    private final Javalin app;

    public HttpApi(ServerConfig config, AlertStore store, IngestPipeline pipeline, BatchDecoder decoder,
                   IngestMetrics metrics, PrometheusMeterRegistry registry, MatrixJson matrix, Handler admission,
                   Consumer<RoutesConfig> operations) {
        Authenticator auth = new Authenticator(config.token(), config.tls().clientCa() != null);
        QueryHandlers queries = new QueryHandlers(store, matrix);
        long maxBatch = config.ingest().maxBatchBytes();
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.port = config.port();
            if (config.tls().enabled()) {
                var ssl = TlsContext.of(config.tls());
                c.jetty.addConnector((server, http) -> {
                    http.addCustomizer(new SecureRequestCustomizer());
                    ServerConnector connector = new ServerConnector(server,
                            new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
                    connector.setPort(config.port());
                    return connector;
                });
            }
            c.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dev/picket/server/ui";
                files.location = Location.CLASSPATH;
                // The page runs only its own script and style: evidence shown in it cannot inject any.
                files.headers = Map.of("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
                        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
            });
            c.routes.before(ctx -> {
                if (OPEN_PATHS.contains(ctx.path())) return;
                Optional<String> caller = auth.caller(ctx.req());
                if (caller.isPresent()) {
                    Caller.set(ctx, caller.get());
                } else {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"picket\"");
                    ctx.status(401).json(IngestHandler.error("authentication required: a bearer token or a client certificate"));
                    ctx.skipRemainingHandlers();
                }
            });
            c.routes.get("/healthz", ctx -> {
                boolean ok = !pipeline.failed();
                ctx.status(ok ? 200 : 503).json(JsonNodeFactory.instance.objectNode()
                        .put("status", ok ? "ok" : "ingest stopped")
                        .put("replaying", !pipeline.caughtUp())
                        .put("queued", pipeline.depth()));
            });
            c.routes.post("/v1/audit", new IngestHandler(Source.AUDIT, maxBatch, decoder, pipeline, metrics));
            c.routes.post("/v1/events", new IngestHandler(Source.RUNTIME, maxBatch, decoder, pipeline, metrics));
            c.routes.post("/v1/admit", admission);
            c.routes.get("/v1/alerts", queries::alerts);
            c.routes.get("/v1/alerts/{id}", queries::alert);
            c.routes.get("/v1/incidents", queries::incidents);
            c.routes.get("/v1/incidents/{id}", queries::incident);
            c.routes.get("/v1/attack", queries::attack);
            operations.accept(c.routes);
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            c.routes.exception(QueryHandlers.BadRequest.class, (e, ctx) -> ctx.status(400).json(IngestHandler.error(e.getMessage())));
            c.routes.exception(QueryHandlers.NotFound.class, (e, ctx) -> ctx.status(404).json(IngestHandler.error(e.getMessage())));
            c.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.error("store failure on {}: {}", ctx.path(), e.getMessage());
                ctx.status(503).json(IngestHandler.error("the store is unavailable"));
            });
        });
    }

    public HttpApi start() {
        app.start();
        return this;
    }

    /** The port the server listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}

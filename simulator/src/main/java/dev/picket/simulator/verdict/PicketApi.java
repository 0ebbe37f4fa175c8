package dev.picket.simulator.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of Picket's HTTP API the simulator uses: ingest (audit, runtime events) and the alert query. */
public final class PicketApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param token the bearer token, or null when the server asks for none */
    public PicketApi(URI base, String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
    }

    public URI base() {
        return base;
    }

    /** Alerts of one rule raised for events at or after {@code from}, newest pages first. */
    public List<JsonNode> alerts(String ruleId, Instant from) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String query = "v1/alerts?rule=" + enc(ruleId) + "&from=" + enc(from.toString()) + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor));
            JsonNode page = JSON.readTree(send(request(query).GET()));
            page.path("alerts").forEach(out::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return out;
    }

    /** Posts a batch to {@code v1/audit} (an EventList) or {@code v1/events} (JSON lines). */
    public void post(String path, String contentType, String body) throws IOException, InterruptedException {
        send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            // The path only: the query may hold nothing secret, but the token must never appear.
            throw new IOException(built.method() + " " + built.uri().getPath() + ": HTTP " + response.statusCode()
                    + " " + response.body().strip());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

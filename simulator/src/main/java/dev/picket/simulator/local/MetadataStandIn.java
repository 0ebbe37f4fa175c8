package dev.picket.simulator.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/**
 * The cloud instance metadata service as an AWS node with an IAM role would answer it (IMDSv2: a
 * session token first, then the role's credentials). The credentials are obviously fake. Requests
 * for other clouds' paths get 404, as on AWS.
 */
final class MetadataStandIn implements HttpHandler {
    static final String ROLE = "picket-simulation-node-role";
    private static final String SESSION = "picket-simulation-imds-session";
    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/latest/api/token") && method.equals("PUT")) {
            StandIns.respond(exchange, 200, "text/plain", SESSION);
        } else if (path.startsWith(CREDENTIALS_PATH) && !SESSION.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            StandIns.respond(exchange, 401, "text/plain", "");
        } else if (path.equals(CREDENTIALS_PATH)) {
            StandIns.respond(exchange, 200, "text/plain", ROLE);
        } else if (path.equals(CREDENTIALS_PATH + ROLE)) {
            StandIns.respond(exchange, 200, "application/json", """
                    {"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"ASIAPICKETSIMULATION",\
                    "SecretAccessKey":"not-a-real-secret-picket-simulation","Token":"not-a-real-session-token",\
                    "Expiration":"2099-01-01T00:00:00Z"}""");
        } else {
            StandIns.respond(exchange, 404, "text/plain", "");
        }
    }
}

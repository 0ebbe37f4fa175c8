package dev.picket.outputs;

import dev.picket.engine.alert.Alert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Posts each alert as JSON to a URL. With a secret, the body is signed: header
 * {@value #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes under
 * the secret, so the receiver can tell Picket's alerts from forgeries. The alert's {@code id} is
 * stable, so a receiver can drop the repeat of a delivery retried after a lost answer.
 */
final class WebhookOutput implements AlertOutput {
    static final String SIGNATURE_HEADER = "X-Picket-Signature";

    private final HttpPost http;
    private final PayloadFormat format;
    private final byte[] secret;

    WebhookOutput(URI url, PayloadFormat format, String secret) {
        this.http = new HttpPost(url);
        this.format = format;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        String body = format.render(alert);
        http.post(body, secret == null ? Map.of() : Map.of(SIGNATURE_HEADER, signature(secret, body)));
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body>}. */
    static String signature(byte[] secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.picket.outputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookOutputTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), 5);

    /** What a receiver computes to check a delivery, written independently of the output. */
    private static String expectedSignature(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void alertArrivesAsJsonSignedWithTheSecret() throws Exception {
        try (Receiver receiver = new Receiver(0);
             WebhookOutput out = new WebhookOutput(receiver.url(), PayloadFormat.PICKET, "s3cret")) {
            out.deliver(TestAlerts.alert("a-1"));
            Receiver.Request r = receiver.accepted.getFirst();
            assertThat(new ObjectMapper().readTree(r.body()).path("rule").path("id").asText()).isEqualTo("audit-privileged-container");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header(WebhookOutput.SIGNATURE_HEADER)).isEqualTo(expectedSignature("s3cret", r.body()));
            assertThat(r.header(WebhookOutput.SIGNATURE_HEADER)).isNotEqualTo(expectedSignature("other", r.body()));
        }
    }

    @Test
    void withoutASecretNothingIsSigned() throws Exception {
        try (Receiver receiver = new Receiver(0);
             WebhookOutput out = new WebhookOutput(receiver.url(), PayloadFormat.OCSF, null)) {
            out.deliver(TestAlerts.alert("a-1"));
            Receiver.Request r = receiver.accepted.getFirst();
            assertThat(r.header(WebhookOutput.SIGNATURE_HEADER)).isNull();
            assertThat(new ObjectMapper().readTree(r.body()).path("class_uid").asInt()).isEqualTo(2004);
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffAndCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Receiver receiver = new Receiver(2)) {
            OutputSettings settings = new OutputSettings("hook", AlertFilter.ALL, FAST, 10,
                    () -> new WebhookOutput(receiver.url(), PayloadFormat.PICKET, "s3cret"));
            try (AlertOutputs outputs = AlertOutputs.start(List.of(settings), registry)) {
                outputs.publish(TestAlerts.alert("a-1"));
                Waiting.until(() -> receiver.accepted.size() == 1);
            }
            assertThat(receiver.refused.get()).isEqualTo(2);
            assertThat(registry.counter("picket.output.retries", "output", "hook").count()).isEqualTo(2);
            assertThat(registry.counter("picket.output.delivered", "output", "hook").count()).isEqualTo(1);
            assertThat(registry.counter("picket.output.failed", "output", "hook").count()).isZero();
        }
    }

    @Test
    void aReceiverThatNeverRecoversCostsTheAlertAfterTheLastAttemptAndIsCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Receiver receiver = new Receiver(Integer.MAX_VALUE)) {
            OutputSettings settings = new OutputSettings("hook", AlertFilter.ALL, new Backoff(Duration.ZERO, Duration.ZERO, 3), 10,
                    () -> new WebhookOutput(receiver.url(), PayloadFormat.PICKET, null));
            try (AlertOutputs outputs = AlertOutputs.start(List.of(settings), registry)) {
                outputs.publish(TestAlerts.alert("a-1"));
                Waiting.until(() -> registry.counter("picket.output.failed", "output", "hook").count() == 1);
            }
            assertThat(receiver.refused.get()).isEqualTo(3);
            assertThat(receiver.accepted).isEmpty();
        }
    }
}

package dev.picket.server.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.ingest.Source;
import dev.picket.streams.feed.InputKeys;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaForwarderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServerConfig.Forward CONFIG =
            new ServerConfig.Forward(Map.of("bootstrap.servers", "k:9092"), "in.audit", "in.events", false);

    @Test
    void auditEventsGoToTheAuditTopicAsJsonLinesKeyedByPrincipalWithTheCluster() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        ObjectNode root = JSON.createObjectNode().put("auditID", "a1").put("verb", "list");
        root.putObject("user").put("username", "system:serviceaccount:shop:web");
        new KafkaForwarder(producer, CONFIG).forward(Source.AUDIT,
                List.of(new Event(LogSource.KUBERNETES_AUDIT, Instant.EPOCH, new Origin("webhook", 1, "prod-eu"), root)));

        ProducerRecord<String, byte[]> sent = producer.history().getFirst();
        assertThat(sent.topic()).isEqualTo("in.audit");
        assertThat(sent.key()).isEqualTo("prod-eu/system:serviceaccount:shop:web");
        assertThat(JSON.readTree(sent.value())).isEqualTo(root);
        assertThat(new String(sent.headers().lastHeader(InputKeys.CLUSTER_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("prod-eu");
    }

    @Test
    void runtimeEventsGoToTheEventsTopicKeyedByPodAndWithoutAClusterHeaderWhenNoneIsNamed() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        ObjectNode root = JSON.createObjectNode().put("category", "process_creation").put("node", "n1");
        root.putObject("k8s").put("namespace", "shop").put("pod", "web-1");
        new KafkaForwarder(producer, CONFIG).forward(Source.RUNTIME,
                List.of(new Event(LogSource.linux("process_creation"), Instant.EPOCH, new Origin("sensor", 1, null), root)));

        ProducerRecord<String, byte[]> sent = producer.history().getFirst();
        assertThat(sent.topic()).isEqualTo("in.events");
        assertThat(sent.key()).isEqualTo("/shop/web-1");
        assertThat(sent.headers().lastHeader(InputKeys.CLUSTER_HEADER)).isNull();
    }
}

package dev.picket.server.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.event.Event;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.ingest.Forwarder;
import dev.picket.server.ingest.Source;
import dev.picket.streams.feed.InputKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes accepted events to the streams runner's input topics: audit events to the audit topic,
 * runtime events to the events topic, each as one JSON line (what the runner's decoders read), keyed
 * by its actor ({@link InputKeys}) so one actor's events stay in order, with the cluster in the
 * {@code picket-cluster} header. Delivery is at least once: the producer is idempotent and waits for
 * every replica, and a batch whose forwarding a crash interrupted is forwarded again from the journal.
 */
public final class KafkaForwarder implements Forwarder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Producer<String, byte[]> producer;
    private final ServerConfig.Forward config;

    KafkaForwarder(Producer<String, byte[]> producer, ServerConfig.Forward config) {
        this.producer = producer;
        this.config = config;
    }

    public static KafkaForwarder open(ServerConfig.Forward config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaForwarder(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()), config);
    }

    @Override
    public void forward(Source source, List<Event> events) {
        String topic = source == Source.AUDIT ? config.auditTopic() : config.eventsTopic();
        for (Event event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, InputKeys.of(event), line(event));
            String cluster = event.origin().cluster();
            if (cluster != null) record.headers().add(InputKeys.CLUSTER_HEADER, cluster.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }

    private static byte[] line(Event event) {
        try {
            return JSON.writeValueAsBytes(event.root());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

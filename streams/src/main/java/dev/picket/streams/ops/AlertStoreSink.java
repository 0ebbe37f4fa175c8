package dev.picket.streams.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.store.AlertStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the alert topic into the store the UI reads. It reads only committed alerts and commits its
 * offsets after the store has them; a crash in between adds the same alerts again, which the store
 * ignores by alert id. So the store holds every alert exactly once.
 */
public final class AlertStoreSink implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStoreSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final AlertStore store;
    private volatile boolean stopped;

    /** @param kafka connection properties (bootstrap servers, security); the group is {@code APPLICATION_ID-store} */
    public AlertStoreSink(Map<String, String> kafka, String applicationId, String topic, AlertStore store) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-store");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.store = store;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) continue;
                List<ObjectNode> alerts = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        alerts.add((ObjectNode) JSON.readTree(r.value()));
                    } catch (IOException | ClassCastException e) {
                        LOG.warn("{}-{}@{}: not an alert object; skipped", r.topic(), r.partition(), r.offset());
                    }
                }
                store.add(alerts);
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (!stopped) throw e;
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
    }
}

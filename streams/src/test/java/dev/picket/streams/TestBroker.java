package dev.picket.streams;

import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;
import dev.picket.streams.feed.InputKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A real single-node KRaft Kafka in this JVM, with the few client helpers the tests share. */
final class TestBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    TestBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics must not ask for more replicas, or Streams never leaves rebalancing.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrap() {
        return cluster.bootstrapServers();
    }

    void createTopics(int partitions, String... names) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList())
                    .all().get();
        }
    }

    /** Sends each line as one record, keyed as the server's forwarder keys it ({@link InputKeys}). */
    void send(String topic, InputFormat format, List<String> lines) throws IOException {
        InputReader reader = new InputReader(DecodeSettings.defaults(Clock.systemUTC()).withFormat(format));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String line : lines) {
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                List<String> keys = new ArrayList<>();
                reader.read(topic, new ByteArrayInputStream(value), event -> keys.add(InputKeys.of(event)), error -> { });
                producer.send(new ProducerRecord<>(topic, keys.isEmpty() ? null : keys.getFirst(), value));
            }
        }
    }

    /** Patient with a busy machine: a timed-out batch would reset the idempotent sequence and stall the rest. */
    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends each value as one record, unkeyed. */
    void sendRaw(String topic, List<String> values) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String v : values) producer.send(new ProducerRecord<>(topic, v.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Reads committed records from the start until {@code done} holds for what was read and nothing
     * more arrives for {@code quiet}, or until the deadline.
     */
    List<String> readCommitted(String topic, Predicate<List<String>> done, Duration quiet, Duration deadline) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + deadline.toNanos();
            long lastNew = System.nanoTime();
            while (System.nanoTime() < end) {
                int before = values.size();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) values.add(r.value());
                if (values.size() > before) lastNew = System.nanoTime();
                if (done.test(values) && System.nanoTime() - lastNew > quiet.toNanos()) break;
            }
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

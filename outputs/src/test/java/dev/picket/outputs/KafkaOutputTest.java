package dev.picket.outputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real single-node KRaft broker in this JVM. */
class KafkaOutputTest {
    private static KafkaClusterTestKit broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static List<ConsumerRecord<String, String>> read(String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        // Assigned, not subscribed: no consumer group to join, which would cost seconds.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    @Test
    void alertsArriveOnTheTopicKeyedByTheirId() throws Exception {
        createTopic("picket-alerts");
        try (KafkaOutput out = new KafkaOutput(broker.bootstrapServers(), "picket-alerts", PayloadFormat.PICKET, Map.of())) {
            out.deliver(TestAlerts.alert("a-1"));
            out.deliver(TestAlerts.alert("a-2"));
        }
        List<ConsumerRecord<String, String>> records = read("picket-alerts", 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("a-1", "a-2");
        assertThat(new ObjectMapper().readTree(records.getFirst().value()).path("severity").asText()).isEqualTo("high");
    }

    @Test
    void ocsfFormatWritesDetectionFindings() throws Exception {
        createTopic("picket-ocsf");
        try (KafkaOutput out = new KafkaOutput(broker.bootstrapServers(), "picket-ocsf", PayloadFormat.OCSF, Map.of())) {
            out.deliver(TestAlerts.alert("a-1"));
        }
        assertThat(new ObjectMapper().readTree(read("picket-ocsf", 1).getFirst().value()).path("class_uid").asInt()).isEqualTo(2004);
    }
}

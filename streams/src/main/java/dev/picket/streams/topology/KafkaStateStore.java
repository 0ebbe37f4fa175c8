package dev.picket.streams.topology;

import dev.picket.engine.correlation.StateStore;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.function.BiConsumer;

/**
 * The engine's correlation state in a Kafka Streams key-value store: persistent on the instance's
 * disk and written to a changelog topic, so a task that moves to another instance (or restarts after
 * a crash) finds its windows as they were at its last committed transaction.
 */
final class KafkaStateStore implements StateStore {
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;

    KafkaStateStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void scan(String prefix, BiConsumer<String, byte[]> visitor) {
        // UTF-8 keeps prefixes: a key starts with the prefix exactly when its bytes start with the prefix's bytes.
        try (KeyValueIterator<String, byte[]> entries = prefix.isEmpty() ? store.all() : store.prefixScan(prefix, KEYS)) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                visitor.accept(entry.key, entry.value);
            }
        }
    }
}

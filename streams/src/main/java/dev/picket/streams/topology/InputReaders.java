package dev.picket.streams.topology;

import dev.picket.engine.alert.AlertFactory;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;
import dev.picket.streams.feed.InputKeys;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * How each input topic is read: its format (null: recognised per record) and the cluster its events
 * carry. A record names its cluster in the {@link InputKeys#CLUSTER_HEADER} header (the server's
 * forwarder sets it from the source's configured name); records without it get the default cluster.
 */
public final class InputReaders {
    private final Map<String, InputFormat> formats;
    private final String defaultCluster;
    private final DecodeSettings base;
    private final AlertFactory alerts;
    private final Map<String, InputReader> cached = new HashMap<>();

    /** @param formats input topic to its format (a null value recognises the format per record) */
    public InputReaders(Map<String, InputFormat> formats, String defaultCluster, Clock clock) {
        this.formats = new HashMap<>(formats);
        this.defaultCluster = defaultCluster;
        this.base = DecodeSettings.defaults(clock);
        this.alerts = new AlertFactory(defaultCluster);
    }

    /** A copy for one stream thread: readers are cached per topic and cluster, which is not thread-safe. */
    InputReaders copy() {
        return new InputReaders(formats, defaultCluster, base.clock());
    }

    InputReader forTopic(String topic, String cluster) {
        String name = cluster == null ? defaultCluster : cluster;
        return cached.computeIfAbsent(topic + '\u0000' + name,
                k -> new InputReader(base.withFormat(formats.get(topic)).withCluster(name)));
    }

    AlertFactory alertFactory() {
        return alerts;
    }
}

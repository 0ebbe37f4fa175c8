package dev.picket.engine.correlation;

import java.util.function.BiConsumer;

/**
 * Where correlation windows and learned baselines live: a key-value store of small encoded values.
 * The in-memory store serves one process; a streaming runner backs the same interface with its
 * fault-tolerant stores and a server with its database. Values are opaque bytes so every backing
 * can persist them as they are.
 *
 * <p>Keys begin with a prefix naming the rule they belong to, so a rule's state can be listed
 * (to rebuild indexes after a restart) and dropped (to reset a baseline) by prefix.
 */
public interface StateStore {

    /** The value under the key, or null. */
    byte[] get(String key);

    void put(String key, byte[] value);

    void delete(String key);

    /** Visits every entry whose key starts with the prefix ("" visits all). The visitor must not modify the store. */
    void scan(String prefix, BiConsumer<String, byte[]> visitor);
}

package dev.picket.server.ingest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Digests of the batches accepted lately. A sender that did not hear the answer to a batch (the
 * server died after writing it) sends the same bytes again; recognising them keeps the events from
 * being counted twice by correlation rules. Bounded: the oldest digests are forgotten first.
 */
final class RecentBatches {
    private final Map<ByteBuffer, Boolean> seen;

    RecentBatches(int capacity) {
        seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(ByteBuffer digest) {
        seen.put(digest, Boolean.TRUE);
    }

    boolean contains(ByteBuffer digest) {
        return seen.containsKey(digest);
    }

    static ByteBuffer digest(Source source, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) source.ordinal());
            return ByteBuffer.wrap(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

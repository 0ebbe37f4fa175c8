package dev.picket.engine.correlation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The state of one process, in a hash map. It can be written to and read back from a stream, so a
 * caller that owns files (the command line, the server) can keep baselines across restarts.
 */
public final class InMemoryStateStore implements StateStore {
    private static final int MAGIC = 0x504B5354; // "PKST"
    private static final int VERSION = 1;

    private final Map<String, byte[]> entries = new HashMap<>();

    @Override
    public byte[] get(String key) {
        return entries.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        entries.put(key, value);
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public void scan(String prefix, BiConsumer<String, byte[]> visitor) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(prefix)) visitor.accept(e.getKey(), e.getValue());
        }
    }

    public int size() {
        return entries.size();
    }

    /** Writes every entry: a header, the count, then each key (UTF-8) and value with its length. */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            writeBytes(data, e.getKey().getBytes(StandardCharsets.UTF_8));
            writeBytes(data, e.getValue());
        }
        data.flush();
    }

    private static void writeBytes(DataOutputStream data, byte[] bytes) throws IOException {
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static byte[] readBytes(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0) throw new IOException("corrupt state file: negative length");
        byte[] bytes = data.readNBytes(length);
        if (bytes.length != length) throw new IOException("truncated state file");
        return bytes;
    }

    /** Reads what {@link #writeTo} wrote; a stream in any other shape is refused, not half-read. */
    public static InMemoryStateStore readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) throw new IOException("not a Picket state file");
        int version = data.readInt();
        if (version != VERSION) throw new IOException("unsupported state file version " + version);
        int count = data.readInt();
        List<Map.Entry<String, byte[]>> read = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            String key = new String(readBytes(data), StandardCharsets.UTF_8);
            read.add(Map.entry(key, readBytes(data)));
        }
        InMemoryStateStore store = new InMemoryStateStore();
        for (Map.Entry<String, byte[]> e : read) store.put(e.getKey(), e.getValue());
        return store;
    }
}

package dev.picket.sensor.out;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Runtime events as JSON lines on a stream (a file, or stdout for {@code --output -}). */
public final class JsonLinesSink implements EventSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final boolean closeStream;

    /** @param closeStream false for stdout, which outlives the sensor */
    public JsonLinesSink(OutputStream out, boolean closeStream) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.closeStream = closeStream;
    }

    @Override
    public void accept(ObjectNode event) throws IOException {
        out.write(JSON.writeValueAsBytes(event));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (closeStream) out.close();
    }
}

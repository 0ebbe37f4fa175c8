package dev.picket.sensor.out;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;

/** Where the sensor's runtime events go. Called from one thread. */
public interface EventSink extends Closeable {
    void accept(ObjectNode event) throws IOException;

    /** Makes what was accepted so far durable or visible (written out, spooled). */
    void flush() throws IOException;
}

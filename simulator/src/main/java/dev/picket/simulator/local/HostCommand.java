package dev.picket.simulator.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a host command to completion and fails with its output when it does not succeed. */
final class HostCommand {
    private HostCommand() {
    }

    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", List.of(argv)) + ": exit " + p.exitValue() + ": " + output.strip());
        return output;
    }
}

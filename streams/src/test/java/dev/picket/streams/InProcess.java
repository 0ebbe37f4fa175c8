package dev.picket.streams;

import dev.picket.engine.Engine;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What {@code picket detect} finds: the in-process engine over the same inputs, in order. */
final class InProcess {
    private final Engine engine;
    private final AlertFactory alerts = new AlertFactory(null);
    private final List<String> found = new ArrayList<>();

    InProcess(RuleSet rules) {
        engine = new Engine(rules);
    }

    InProcess read(String name, InputFormat format, List<String> lines) throws IOException {
        InputReader reader = new InputReader(DecodeSettings.defaults(Clock.systemUTC()).withFormat(format));
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        reader.read(name, new ByteArrayInputStream(bytes),
                event -> engine.process(event, match -> found.add(AlertJson.line(alerts.create(match)))),
                error -> { throw new AssertionError(error.toString()); });
        return this;
    }

    List<String> alerts() {
        return found;
    }
}

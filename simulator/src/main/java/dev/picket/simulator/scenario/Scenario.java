package dev.picket.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** An attack scenario: what the intruder does through the victim's web shell, and the alerts that must follow. */
public record Scenario(String name, String description, Delivery delivery, List<Step> steps, List<Expectation> expect) {
    public Scenario {
        steps = List.copyOf(steps);
        expect = List.copyOf(expect);
        if (steps.isEmpty()) throw new IllegalArgumentException("scenario " + name + " has no steps");
        if (expect.isEmpty()) throw new IllegalArgumentException("scenario " + name + " expects no alert");
        if (delivery == Delivery.DIRECT && steps.size() != 1) {
            throw new IllegalArgumentException("scenario " + name + ": direct delivery sends one command, not " + steps.size());
        }
    }

    /** The one command the web shell receives (its {@code cmd} parameter). */
    public String command() {
        if (delivery == Delivery.DIRECT) return steps.getFirst().run();
        String script = steps.stream().map(s -> "echo '>>> " + s.name().replace("'", "'\\''") + "'\n" + s.run())
                .collect(Collectors.joining("\n", "", "\n"));
        return "echo " + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + " | base64 -d | sh";
    }
}

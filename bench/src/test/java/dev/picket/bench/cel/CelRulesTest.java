package dev.picket.bench.cel;

import dev.picket.bench.BenchSuite;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputReader;
import dev.picket.rules.BuiltinRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline is only a fair comparison if it finds what the engine finds. */
class CelRulesTest {

    @Test
    void onTheBundledAttackSamplesTheBaselineMatchesWhatTheEngineMatches() throws Exception {
        RuleSet rules = BenchSuite.builtinRules();
        CelRules cel = new CelRules(rules, BuiltinRules.load().placeholders());
        Set<String> untranslated = new HashSet<>();
        cel.untranslated().forEach(u -> untranslated.add(u.ruleId()));
        assertThat(cel.translated()).isGreaterThan(rules.detections().size() * 3 / 4);

        var detector = rules.detector();
        List<String> engine = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        for (String sample : List.of("audit-attack.jsonl", "runtime-attack.jsonl")) {
            List<Event> events = new ArrayList<>();
            new InputReader(DecodeSettings.defaults(Clock.systemUTC()))
                    .read(Path.of("..", "samples", sample), events::add, e -> {});
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                String at = sample + "#" + i + " ";
                detector.detect(event, dev.picket.engine.AuditStage.judged(event), r -> {
                    if (!untranslated.contains(r.info().ruleId()) && r.info().document().get("detection") != null) {
                        engine.add(at + r.info().ruleId());
                    }
                });
                cel.evaluate(event, id -> baseline.add(at + id));
            }
        }
        assertThat(engine).isNotEmpty();
        assertThat(baseline).containsExactlyInAnyOrderElementsOf(engine);
    }
}

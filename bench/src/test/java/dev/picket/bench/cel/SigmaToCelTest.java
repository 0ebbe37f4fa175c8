package dev.picket.bench.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigmaToCelTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final SigmaToCel translator = new SigmaToCel(Map.of("shells", List.of("/bin/sh", "/bin/bash")));

    private String cel(String detection) throws Exception {
        return translator.translate(YAML.readTree(detection));
    }

    @Test
    void aSelectionIsAnAndOfFieldsEachAnyOfItsValuesIgnoringCase() throws Exception {
        assertThat(cel("""
                sel:
                  verb: create
                  objectRef.resource: [pods, secrets]
                condition: sel
                """)).isEqualTo("((\"verb\" in e && e[\"verb\"].exists(v, v.lowerAscii() == \"create\"))"
                + " && (\"objectRef.resource\" in e && e[\"objectRef.resource\"].exists(v,"
                + " (v.lowerAscii() == \"pods\" || v.lowerAscii() == \"secrets\"))))");
    }

    @Test
    void modifiersBecomeStringFunctionsAndPlaceholdersExpand() throws Exception {
        String expr = cel("""
                sel:
                  Image|endswith|expand: '%shells%'
                  CommandLine|contains|cased: 'Curl'
                  CommandLine|re|i: 'wget .*\\|'
                condition: sel
                """);
        assertThat(expr).contains("v.lowerAscii().endsWith(\"/bin/sh\") || v.lowerAscii().endsWith(\"/bin/bash\")")
                .contains("v.contains(\"Curl\")")
                .contains("v.matches(\"(?i)wget .*\\\\|\")");
    }

    @Test
    void conditionsKeepTheirShape() throws Exception {
        assertThat(cel("""
                sel_a: {a: x}
                sel_b: {b: y}
                filter: {c: z}
                condition: 1 of sel_* and not filter
                """)).startsWith("((").contains(" || ").contains("&& !(");
    }

    @Test
    void wildcardsInsideAValueBecomeAnAnchoredRegex() throws Exception {
        assertThat(cel("""
                sel: {a: 'ku*ctl?x'}
                condition: sel
                """)).contains("v.matches(\"(?i)^\\\\Qku\\\\E(?s:.*)\\\\Qctl\\\\E(?s:.)\\\\Qx\\\\E$\")");
    }

    @Test
    void unsupportedModifiersAreRefusedNotDropped() {
        assertThatThrownBy(() -> cel("""
                sel: {DestinationIp|cidr: 10.0.0.0/8}
                condition: sel
                """)).isInstanceOf(SigmaToCel.Untranslatable.class).hasMessageContaining("cidr");
        assertThatThrownBy(() -> cel("""
                sel: {a|base64: x}
                condition: sel
                """)).isInstanceOf(SigmaToCel.Untranslatable.class);
    }

    @Test
    void flatEventsListEveryValueUnderItsDottedPath() throws Exception {
        JsonNode event = new ObjectMapper().readTree("""
                {"annotations":{"authorization.k8s.io/decision":"allow"},
                 "spec":{"containers":[{"image":"a"},{"image":"b","securityContext":{"privileged":true}}]},"gone":null}""");
        assertThat(FlatEvent.of(event)).containsEntry("annotations.authorization.k8s.io/decision", List.of("allow"))
                .containsEntry("spec.containers.image", List.of("a", "b"))
                .containsEntry("spec.containers.securityContext.privileged", List.of("true"))
                .containsEntry("gone", List.of());
    }
}

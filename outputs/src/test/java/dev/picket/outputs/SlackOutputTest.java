package dev.picket.outputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.alert.Entity;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SlackOutputTest {
    @Test
    void messageNamesSeverityTitleWorkloadTechniqueAndLinksToTheAlert() throws Exception {
        try (Receiver receiver = new Receiver(0);
             SlackOutput out = new SlackOutput(receiver.url(), URI.create("https://picket.example.com"))) {
            out.deliver(TestAlerts.alert("5f0c2b4e"));
            String text = new ObjectMapper().readTree(receiver.accepted.getFirst().body()).path("text").asText();
            assertThat(text.lines()).containsExactly(
                    "*[HIGH] Privileged container created*",
                    "*Workload:* Deployment shop/web, container web, cluster prod-eu",
                    "*ATT&amp;CK:* T1610, T1611 (privilege-escalation)",
                    "*User:* alice@example.com",
                    "*Rule:* audit-privileged-container · 2026-03-10T09:19:08.120Z",
                    "<https://picket.example.com/#/alerts/5f0c2b4e|Open the alert in Picket>");
        }
    }

    @Test
    void namesFromTheClusterCannotBecomeLinksOrMentions() {
        assertThat(SlackOutput.escape("<!channel> <https://evil.example|click> & co")).isEqualTo(
                "&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; co");
    }

    @Test
    void withoutAWorkloadTheMessageSaysWhatItKnows() {
        assertThat(SlackOutput.workload(new Entity("prod", null, null, null, null, null, "node-3", null, null)))
                .isEqualTo("node node-3, cluster prod");
        assertThat(SlackOutput.workload(Entity.NONE)).isEqualTo("cluster-wide");
    }

    @Test
    void withoutAUiAddressThereIsNoLink() {
        assertThat(SlackOutput.text(TestAlerts.alert("a"), null)).doesNotContain("Open the alert");
    }
}

package dev.picket.engine.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Path lookup takes one step per segment except inside objects that hold dotted keys. */
class EventPathTest {
    private static Event event(String json) throws Exception {
        return new Event(LogSource.KUBERNETES_AUDIT, Instant.EPOCH, new Origin("t", 1, null),
                (ObjectNode) new ObjectMapper().readTree(json));
    }

    @Test
    void aDottedKeyIsPreferredOverTheNestedPathWhereverItSits() throws Exception {
        Event e = event("""
                {"items":[{"metadata":{"labels":{"app.kubernetes.io/name":"cart","app":{"kubernetes":{"io/name":"nested"}}}}}]}""");
        assertThat(e.text(FieldPath.of("items.metadata.labels.app.kubernetes.io/name"))).isEqualTo("cart");
    }

    @Test
    void withoutDottedKeysSegmentsAreFollowedOneByOne() throws Exception {
        Event e = event("""
                {"requestObject":{"spec":{"containers":[{"name":"a"},{"securityContext":{"privileged":true}}]}}}""");
        assertThat(e.anyValue(FieldPath.of("requestObject.spec.containers.securityContext.privileged"), v -> v.asBoolean())).isTrue();
        assertThat(e.text(FieldPath.of("requestObject.spec.containers.name"))).isEqualTo("a");
        assertThat(e.text(FieldPath.of("requestObject.spec.volumes.name"))).isNull();
    }

    @Test
    void aDottedKeyThatOnlyStartsThePathIsFollowedFurther() throws Exception {
        Event e = event("""
                {"annotations":{"a.b":{"c":"joined"},"a":{"b":{"c":"nested"}}}}""");
        assertThat(e.text(FieldPath.of("annotations.a.b.c"))).isEqualTo("joined");
    }
}

package dev.picket.sensor.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventAssemblerTest {
    private final List<List<AuditRecord>> done = new ArrayList<>();

    private static AuditRecord r(int type, long serial) {
        return AuditRecord.parse(type, "audit(1.000:" + serial + "): pid=1");
    }

    @Test
    void interleavedEventsAreJoinedBySerialAndEndAtTheirEndRecord() {
        EventAssembler a = new EventAssembler(done::add, 1000, 100);
        a.add(r(1300, 1), 0);
        a.add(r(1300, 2), 0);
        a.add(r(1307, 1), 0);
        a.add(r(1320, 2), 0);
        assertThat(done).hasSize(1);
        assertThat(done.getFirst()).extracting(AuditRecord::serial).containsExactly(2L);
        a.add(r(1320, 1), 0);
        assertThat(done.get(1)).extracting(AuditRecord::type).containsExactly(1300, 1307);
    }

    @Test
    void anEventWithoutAnEndIsHandedOnOnlyAfterTheWait() {
        EventAssembler a = new EventAssembler(done::add, 1000, 100);
        a.add(r(1305, 7), 0);
        a.expire(999);
        assertThat(done).isEmpty();
        a.expire(1000);
        assertThat(done).hasSize(1);
    }

    @Test
    void tooManyOpenEventsHandOnTheOldest() {
        EventAssembler a = new EventAssembler(done::add, 1000, 2);
        a.add(r(1300, 1), 0);
        a.add(r(1300, 2), 0);
        a.add(r(1300, 3), 0);
        assertThat(done).hasSize(1);
        assertThat(done.getFirst().getFirst().serial()).isEqualTo(1);
        assertThat(a.evicted()).isEqualTo(1);
    }
}

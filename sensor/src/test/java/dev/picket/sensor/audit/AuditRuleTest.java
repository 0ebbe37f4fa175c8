package dev.picket.sensor.audit;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRuleTest {
    @Test
    void everyRuleCarriesTheSensorsKeyAfterItsOtherStrings() {
        assertThat(AuditRule.watch(42, "/etc/shadow", AuditRule.PERM_READ).key()).isEqualTo(AuditRule.KEY);
        assertThat(AuditRule.directory(42, "/root/.ssh", AuditRule.PERM_WRITE).key()).isEqualTo(AuditRule.KEY);
        assertThat(AuditRule.syscalls(42, -13, 2, 257).key()).isEqualTo(AuditRule.KEY);
    }

    @Test
    void aSyscallRuleSetsTheSyscallsBitsAndLeavesTheSensorOut() {
        byte[] bytes = AuditRule.syscalls(4242, null, 59, 322).bytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        assertThat(b.getInt(0)).as("exit filter").isEqualTo(4);
        assertThat(b.getInt(4)).as("always").isEqualTo(2);
        assertThat(b.getInt(12 + 4)).as("mask word 1 holds syscall 59").isEqualTo(1 << (59 - 32));
        assertThat(b.getInt(12 + 4 * 10)).as("mask word 10 holds syscall 322").isEqualTo(1 << (322 - 320));
        int count = b.getInt(8);
        boolean excludesSelf = false;
        for (int i = 0; i < count; i++) {
            if (b.getInt(12 + 256 + 4 * i) == 0 && b.getInt(12 + 512 + 4 * i) == 4242 && b.getInt(12 + 768 + 4 * i) == 0x30000000) excludesSelf = true;
        }
        assertThat(excludesSelf).isTrue();
    }

    @Test
    void aRuleOfAnotherToolHasNoOrAnotherKey() {
        byte[] foreign = AuditRule.watch(1, "/etc/shadow", AuditRule.PERM_READ).bytes().clone();
        // change the key's last letter: a rule keyed "picket-sensoX" is not ours
        foreign[foreign.length - 1] = 'X';
        assertThat(new AuditRule(foreign).key()).isNotEqualTo(AuditRule.KEY);
    }
}

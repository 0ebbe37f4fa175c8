package dev.picket.sensor.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Records as the kernel writes them, joined into one syscall event. */
class SyscallEventTest {
    private static AuditRecord record(int type, String text) {
        return AuditRecord.parse(type, text);
    }

    @Test
    void anExecWithQuotedAndHexEncodedArguments() {
        SyscallEvent e = SyscallEvent.of(List.of(
                record(1300, "audit(1765148579.602:4711): arch=c000003e syscall=59 success=yes exit=0 a0=55d0 a1=55d1 a2=55d2 a3=0 items=2 ppid=812 pid=813 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"sh\" exe=\"/usr/bin/dash\" key=\"picket-sensor\""),
                record(1309, "audit(1765148579.602:4711): argc=3 a0=\"sh\" a1=\"-c\" a2=6563686F2022612062220A"),
                record(1307, "audit(1765148579.602:4711): cwd=2F746D702F6D7920646972"),
                record(1302, "audit(1765148579.602:4711): item=0 name=\"/bin/sh\" inode=12 dev=fe:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0"),
                record(1327, "audit(1765148579.602:4711): proctitle=7368002D6300")));

        assertThat(e.syscall()).isEqualTo(59);
        assertThat(e.success()).isTrue();
        assertThat(e.pid()).isEqualTo(813);
        assertThat(e.ppid()).isEqualTo(812);
        assertThat(e.exe()).isEqualTo("/usr/bin/dash");
        assertThat(e.argv()).containsExactly("sh", "-c", "echo \"a b\"\n");
        assertThat(e.cwd()).isEqualTo("/tmp/my dir");
        assertThat(e.title()).isEqualTo("sh -c");
        assertThat(e.paths()).containsExactly(new SyscallEvent.PathItem("/bin/sh", "NORMAL"));
        assertThat(e.epochMillis()).isEqualTo(1765148579602L);
    }

    @Test
    void aLongArgumentSplitIntoChunksAcrossRecords() {
        List<String> argv = SyscallEvent.arguments(List.of(
                record(1309, "audit(1.000:9): argc=2 a0=\"python3\" a1_len=6 a1[0]=616263"),
                record(1309, "audit(1.000:9): a1[1]=646566")));
        assertThat(argv).containsExactly("python3", "abcdef");
    }

    @Test
    void aFailedConnectWithItsAddress() {
        SyscallEvent e = SyscallEvent.of(List.of(
                record(1300, "audit(1.500:10): arch=c000003e syscall=42 success=no exit=-111 a0=3 a1=7ffd a2=10 a3=0 items=0 ppid=1 pid=20 uid=0 comm=\"bash\" exe=\"/usr/bin/bash\""),
                record(1306, "audit(1.500:10): saddr=020013887F0000010000000000000000")));
        assertThat(e.success()).isFalse();
        assertThat(e.exit()).isEqualTo(-111);
        assertThat(e.args()[2]).isEqualTo(16);
        assertThat(SocketAddress.parse(e.sockaddr())).isEqualTo(new SocketAddress("127.0.0.1", 5000));
    }

    @Test
    void recordsWithoutASyscallAreNoSyscallEvent() {
        assertThat(SyscallEvent.of(List.of(record(1305, "audit(1.0:3): auid=0 ses=1 op=add_rule key=\"picket-sensor\" list=4 res=1")))).isNull();
    }

    @Test
    void unixSocketsAndShortAddressesAreNotNetworkPeers() {
        assertThat(SocketAddress.parse(AuditRecord.hex("01002F72756E2F646F636B65722E736F636B00"))).isNull();
        assertThat(SocketAddress.parse(AuditRecord.hex("0200"))).isNull();
        assertThat(SocketAddress.parse(AuditRecord.hex("0A000050000000000000000000000000000000000000000100000000")))
                .isEqualTo(new SocketAddress("0:0:0:0:0:0:0:1", 80));
    }

    @Test
    void aTextThatIsNotAnAuditRecordIsRefused() {
        assertThat(AuditRecord.parse(1300, "type=SYSCALL msg=audit(1.0:3): pid=1")).isNull();
        assertThat(AuditRecord.parse(1300, "audit(x.0:3): pid=1")).isNull();
    }
}

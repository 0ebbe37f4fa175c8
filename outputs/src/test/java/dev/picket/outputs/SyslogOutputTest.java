package dev.picket.outputs;

import dev.picket.engine.rule.Severity;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogOutputTest {
    /** Reads one octet-counted frame (RFC 6587): digits, a space, that many bytes. */
    private static String frame(DataInputStream in) throws IOException {
        StringBuilder length = new StringBuilder();
        int b;
        while ((b = in.read()) != ' ') {
            if (b < 0) throw new IOException("connection closed");
            length.append((char) b);
        }
        byte[] message = new byte[Integer.parseInt(length.toString())];
        in.readFully(message);
        return new String(message, StandardCharsets.UTF_8);
    }

    @Test
    void alertsArriveAsOctetCountedRfc5424MessagesWithCefPayloads() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SyslogOutput out = new SyslogOutput("127.0.0.1", listener.getLocalPort(), SocketFactory.getDefault(), "picket-0")) {
            out.deliver(TestAlerts.alert("a-1"));
            out.deliver(TestAlerts.alert("a-2", Severity.CRITICAL, "audit-cluster-admin-binding", "kube-system"));
            List<String> messages = new ArrayList<>();
            try (Socket s = listener.accept(); DataInputStream in = new DataInputStream(s.getInputStream())) {
                messages.add(frame(in));
                messages.add(frame(in));
            }
            assertThat(messages.get(0)).isEqualTo("<83>1 2026-03-10T09:19:08.12Z picket-0 picket - ALERT - "
                    + "CEF:0|Picket|Picket|1|audit-privileged-container|Privileged container created|8|rt=1773134348120 "
                    + "externalId=a-1 suser=alice@example.com src=203.0.113.45 dhost=node-1 cs1=prod-eu cs1Label=cluster "
                    + "cs2=shop cs2Label=namespace cs3=Deployment/web cs3Label=workload cs4=T1610,T1611 cs4Label=techniques "
                    + "cs5=privilege-escalation cs5Label=tactics cs6=nginx:1.27 cs6Label=image");
            assertThat(messages.get(1)).startsWith("<82>1 ").contains("|audit-cluster-admin-binding|", "|10|", "cs2=kube-system");
        }
    }

    @Test
    void cefSpecialCharactersAreEscaped() {
        assertThat(SyslogOutput.header("a|b\\c")).isEqualTo("a\\|b\\\\c");
        assertThat(SyslogOutput.extension("k=v\nnext\\")).isEqualTo("k\\=v\\nnext\\\\");
    }

    @Test
    void aLostConnectionFailsTheDeliveryAndTheNextOneReconnects() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SyslogOutput out = new SyslogOutput("127.0.0.1", listener.getLocalPort(), SocketFactory.getDefault(), "picket-0")) {
            out.deliver(TestAlerts.alert("a-1"));
            listener.accept().close();
            // The peer's close is seen by the second or third write at the latest.
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    out.deliver(TestAlerts.alert("a-lost"));
                    Thread.sleep(10);
                }
            }).isInstanceOf(IOException.class);
            out.deliver(TestAlerts.alert("a-2"));
            try (Socket s = listener.accept(); DataInputStream in = new DataInputStream(s.getInputStream())) {
                assertThat(frame(in)).contains("externalId=a-2");
            }
        }
    }

    @Test
    void nothingListeningIsAFailedDelivery() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (SyslogOutput out = new SyslogOutput("127.0.0.1", port, SocketFactory.getDefault(), "picket-0")) {
            assertThatThrownBy(() -> out.deliver(TestAlerts.alert("a-1"))).isInstanceOf(IOException.class);
        }
    }
}

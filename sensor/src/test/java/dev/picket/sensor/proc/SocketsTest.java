package dev.picket.sensor.proc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketsTest {
    @Test
    void anIpv4TableLineWithTheInodeGivesBothEnds() {
        String line = "   3: 0100007F:0947 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 55123 1 0000000000000000 20 4 30 10 -1";
        assertThat(Sockets.parse(line, "55123")).isEqualTo(new Sockets.Ends("127.0.0.1", 2375, "127.0.0.1", 41394));
    }

    @Test
    void anIpv6Line() {
        String line = "  0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:C350 01 00000000:00000000 00:00000000 00000000 0 0 777 1";
        assertThat(Sockets.parse(line, "777")).isEqualTo(new Sockets.Ends("0:0:0:0:0:0:0:1", 8080, "0:0:0:0:0:0:0:1", 50000));
    }

    @Test
    void anotherSocketsLineIsNotIt() {
        String line = "   3: 0100007F:0947 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 55123 1";
        assertThat(Sockets.parse(line, "5512")).isNull();
        assertThat(Sockets.parse("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode", "55123")).isNull();
    }
}

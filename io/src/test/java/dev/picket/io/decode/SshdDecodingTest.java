package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

/** sshd messages from syslog files and from the journal. */
class SshdDecodingTest {
    private static Event syslog(String message) {
        return Decoded.read("Mar 10 09:07:13 node-3 sshd[30212]: " + message + "\n").only();
    }

    @Test
    void rfc3164LineBecomesAnSshdEvent() {
        Decoded d = Decoded.read("Mar 10 09:07:13 node-3 sshd[30212]: Failed password for root from 203.0.113.77 port 52557 ssh2\n");
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.SSHD);
        assertThat(e.logSource()).isEqualTo(LogSource.SSHD);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:07:13Z"));
        assertThat(text(e, "EventType")).isEqualTo("failed_password");
        assertThat(text(e, "User")).isEqualTo("root");
        assertThat(text(e, "SourceIp")).isEqualTo("203.0.113.77");
        assertThat(e.root().get("SourcePort").intValue()).isEqualTo(52557);
        assertThat(e.root().get("ProcessId").intValue()).isEqualTo(30212);
        assertThat(text(e, "node")).isEqualTo("node-3");
        assertThat(text(e, "Message")).isEqualTo("Failed password for root from 203.0.113.77 port 52557 ssh2");
        assertThat(e.root().has("InvalidUser")).isFalse();
    }

    @Test
    void syslogYearComesFromTheClockAndDecemberReadInJanuaryIsLastYear() {
        Clock january = Clock.fixed(Instant.parse("2027-01-02T08:00:00Z"), ZoneId.of("UTC"));
        Decoded d = Decoded.read(DecodeSettings.defaults(january),
                "Dec 31 23:59:58 node-3 sshd[1]: Invalid user a from 192.0.2.1 port 2\n"
                        + "Jan  2 07:59:59 node-3 sshd[1]: Invalid user b from 192.0.2.1 port 3\n");
        assertThat(d.events).extracting(Event::time).containsExactly(
                Instant.parse("2026-12-31T23:59:58Z"), Instant.parse("2027-01-02T07:59:59Z"));
    }

    @Test
    void syslogTimeWithoutZoneIsLocalToTheClocksZone() {
        Clock berlin = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        Event e = Decoded.read(DecodeSettings.defaults(berlin), "Mar 10 10:00:00 n sshd[1]: x\n").only();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
    }

    @Test
    void isoTimestampLinesAsRecentDistributionsWriteThem() {
        Event e = Decoded.read("2026-03-10T09:08:07.512334+00:00 node-3 sshd-session[30285]: "
                + "Accepted publickey for ubuntu from 2001:db8::17 port 44561 ssh2: ED25519 SHA256:q3N9u0kq1pO9\n").only();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:08:07.512334Z"));
        assertThat(text(e, "EventType")).isEqualTo("accepted_publickey");
        assertThat(text(e, "SourceIp")).isEqualTo("2001:db8::17");
    }

    @Test
    void rfc5424LinesWithStructuredData() {
        Event e = Decoded.read("<38>1 2026-03-10T09:08:07.5Z node-3 sshd 30285 - [origin ip=\"10.0.3.19\" x=\"a\\]b\"] "
                + "Invalid user oracle from 203.0.113.77 port 40022\n").only();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:08:07.5Z"));
        assertThat(text(e, "EventType")).isEqualTo("invalid_user");
        assertThat(text(e, "User")).isEqualTo("oracle");
        assertThat(e.root().get("ProcessId").intValue()).isEqualTo(30285);
        assertThat(e.root().get("InvalidUser").booleanValue()).isTrue();
    }

    @Test
    void otherProgramsInTheSameFileAreSkippedNotErrors() {
        Decoded d = Decoded.read("""
                Mar 10 08:59:01 node-3 CRON[30112]: pam_unix(cron:session): session opened for user root(uid=0) by root(uid=0)
                Mar 10 09:07:13 node-3 sshd[30212]: Failed password for root from 203.0.113.77 port 52557 ssh2

                Mar 10 09:08:48 node-3 sudo[30316]:   ubuntu : TTY=pts/1 ; COMMAND=/usr/bin/id
                """);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(1);
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.SSHD, 1, 2, 0));
    }

    @Test
    void lineThatIsNotSyslogIsAnErrorAndTheRestIsRead() {
        Decoded d = Decoded.read("""
                Mar 10 09:07:13 node-3 sshd[30212]: Failed password for root from 203.0.113.77 port 52557 ssh2
                Mar 32 09:07:14 node-3 sshd[30212]: Failed password for root from 203.0.113.77 port 52557 ssh2
                --- log rotated ---
                Mar 10 09:07:15 node-3 sshd[30212]: Failed password for root from 203.0.113.77 port 52557 ssh2
                """);
        assertThat(d.events).hasSize(2);
        assertThat(d.errorTexts()).containsExactly(
                "test.log:2: not a syslog line: \"Mar 32 09:07:14 node-3 sshd[30212]: Failed password for root from 203.0.113.77 p...\"",
                "test.log:3: not a syslog line: \"--- log rotated ---\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Accepted password for ubuntu from 203.0.113.77 port 44561 ssh2                              | accepted_password          | ubuntu | 203.0.113.77 | 44561
            Accepted keyboard-interactive/pam for ops from 10.0.0.5 port 50622 ssh2                      | accepted_keyboard_interactive | ops | 10.0.0.5    | 50622
            Failed publickey for root from 203.0.113.77 port 40022 ssh2: RSA SHA256:abc                  | failed_publickey           | root   | 203.0.113.77 | 40022
            Failed none for invalid user admin from 203.0.113.77 port 40022 ssh2                         | failed_none                | admin  | 203.0.113.77 | 40022
            Invalid user admin from 203.0.113.77 port 52557                                              | invalid_user               | admin  | 203.0.113.77 | 52557
            error: maximum authentication attempts exceeded for root from 203.0.113.77 port 52187 ssh2 [preauth] | max_auth_attempts | root | 203.0.113.77 | 52187
            Disconnecting authenticating user root 203.0.113.77 port 52187: Too many authentication failures [preauth] | max_auth_attempts | root | 203.0.113.77 | 52187
            Connection closed by authenticating user root 203.0.113.77 port 52187 [preauth]              | connection_closed_preauth  | root   | 203.0.113.77 | 52187
            Connection closed by invalid user admin 203.0.113.77 port 52557 [preauth]                    | connection_closed_preauth  | admin  | 203.0.113.77 | 52557
            Connection closed by 203.0.113.77 port 52557 [preauth]                                       | connection_closed_preauth  | -      | 203.0.113.77 | 52557
            Connection closed by 203.0.113.77 port 52557                                                 | connection_closed          | -      | 203.0.113.77 | 52557
            Connection reset by 203.0.113.77 port 52557 [preauth]                                        | connection_reset           | -      | 203.0.113.77 | 52557
            Disconnected from user ubuntu 203.0.113.77 port 44561                                        | disconnect                 | ubuntu | 203.0.113.77 | 44561
            Received disconnect from 2001:db8::17 port 44561:11: disconnected by user                    | received_disconnect        | -      | 2001:db8::17 | 44561
            pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.77  user=root | auth_failure | root | 203.0.113.77 | -
            pam_unix(sshd:session): session opened for user ubuntu(uid=1000) by ubuntu(uid=0)            | session_opened             | ubuntu | -            | -
            pam_unix(sshd:session): session closed for user ubuntu                                       | session_closed             | ubuntu | -            | -
            Server listening on 0.0.0.0 port 22.                                                         | -                          | -      | -            | -
            """)
    void messageTypes(String message, String type, String user, String ip, Integer port) {
        Event e = syslog(message);
        assertThat(text(e, "EventType")).isEqualTo(type);
        assertThat(text(e, "User")).isEqualTo(user);
        assertThat(text(e, "SourceIp")).isEqualTo(ip);
        assertThat(e.root().has("SourcePort") ? e.root().get("SourcePort").intValue() : null).isEqualTo(port);
    }

    @Test
    void aForgedAddressInsideTheUserNameDoesNotFoolTheParser() {
        Event e = syslog("Failed password for invalid user x from 10.9.9.9 port 1 from 203.0.113.77 port 52557 ssh2");
        assertThat(text(e, "User")).isEqualTo("x from 10.9.9.9 port 1");
        assertThat(text(e, "SourceIp")).isEqualTo("203.0.113.77");
        assertThat(e.root().get("SourcePort").intValue()).isEqualTo(52557);
        assertThat(e.root().get("InvalidUser").booleanValue()).isTrue();
    }

    @Test
    void userNameWithSpacesBeforeAClosedConnection() {
        Event e = syslog("Connection closed by invalid user the admin 203.0.113.77 port 52557 [preauth]");
        assertThat(text(e, "User")).isEqualTo("the admin");
        assertThat(text(e, "SourceIp")).isEqualTo("203.0.113.77");
    }

    @Test
    void somethingThatIsNotAnAddressIsNotTakenForOne() {
        Event e = syslog("Invalid user bob from attacker.example port 22");
        assertThat(text(e, "EventType")).isEqualTo("invalid_user");
        assertThat(text(e, "SourceIp")).isNull();
        assertThat(e.root().has("SourcePort")).isFalse();
    }

    @Test
    void journalExportEntriesOfSshdBecomeEvents() {
        String journal = """
                {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1773133633512334","__MONOTONIC_TIMESTAMP":"88123","_BOOT_ID":"b1",\
                "PRIORITY":"6","SYSLOG_FACILITY":"4","SYSLOG_IDENTIFIER":"sshd","_PID":"30285","_COMM":"sshd","_HOSTNAME":"node-3",\
                "_TRANSPORT":"syslog","MESSAGE":"Accepted password for ubuntu from 203.0.113.77 port 44561 ssh2"}
                {"__REALTIME_TIMESTAMP":"1773133633600000","SYSLOG_IDENTIFIER":"systemd-logind","_PID":"812","_HOSTNAME":"node-3",\
                "MESSAGE":"New session 42 of user ubuntu."}
                {"__REALTIME_TIMESTAMP":"1773133633700000","_COMM":"sshd-session","SYSLOG_PID":"30290","_HOSTNAME":"node-3",\
                "MESSAGE":[73,110,118,97,108,105,100,32,117,115,101,114,32,255,32,102,114,111,109,32,49,46,50,46,51,46,52,32,112,111,114,116,32,53]}
                """;
        Decoded d = Decoded.read(journal);
        assertThat(d.errors).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.JOURNALD, 2, 1, 0));
        Event accepted = d.events.getFirst();
        assertThat(accepted.time()).isEqualTo(Instant.ofEpochSecond(1773133633L, 512334000L));
        assertThat(text(accepted, "EventType")).isEqualTo("accepted_password");
        assertThat(text(accepted, "node")).isEqualTo("node-3");
        assertThat(accepted.root().get("ProcessId").intValue()).isEqualTo(30285);
        Event invalid = d.events.get(1);
        assertThat(text(invalid, "EventType")).isEqualTo("invalid_user");
        assertThat(text(invalid, "User")).isEqualTo("\uFFFD");
        assertThat(text(invalid, "SourceIp")).isEqualTo("1.2.3.4");
        assertThat(invalid.root().get("ProcessId").intValue()).isEqualTo(30290);
    }

    @Test
    void journalEntryOfSshdWithoutTimeIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.JOURNALD),
                "{\"SYSLOG_IDENTIFIER\":\"sshd\",\"MESSAGE\":\"x\"}");
        assertThat(d.errorTexts()).containsExactly("test.log:1: journal entry has no '__REALTIME_TIMESTAMP'");
    }
}

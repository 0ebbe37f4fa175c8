package dev.picket.io.decode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.time.Instant;
import java.util.Set;

/**
 * Reads what an OpenSSH server says about a login into {@code service: sshd} event fields:
 * {@code EventType}, {@code User}, {@code SourceIp}, {@code SourcePort} and {@code InvalidUser}.
 *
 * <p>The user name is chosen by whoever connects, so it may contain spaces or even a forged
 * {@code " from 1.2.3.4 port 22"}. The parser therefore works from the right, where sshd writes
 * the address itself: the last {@code " from "} of a line is sshd's. It is hand-written and
 * linear in the line's length; no regular expression touches attacker-controlled text.
 *
 * <p>Event types: {@code accepted_<method>} and {@code failed_<method>} ({@code password},
 * {@code publickey}, {@code keyboard_interactive}, {@code none}, …), {@code invalid_user},
 * {@code max_auth_attempts}, {@code connection_closed} / {@code connection_closed_preauth},
 * {@code connection_reset}, {@code disconnect}, {@code received_disconnect},
 * {@code auth_failure} (PAM), {@code session_opened}, {@code session_closed}. Other sshd messages
 * become events with {@code Message} only.
 */
final class SshdMessage {
    /** Program names of the OpenSSH server: sshd, and the per-session binaries of OpenSSH 9.8+ and 10. */
    private static final Set<String> PROGRAMS = Set.of("sshd", "sshd-session", "sshd-auth");
    private static final String PREAUTH = " [preauth]";

    private final ObjectNode out;

    private SshdMessage(ObjectNode out) {
        this.out = out;
    }

    static boolean isSshd(String program) {
        return program != null && PROGRAMS.contains(program);
    }

    /** The event for one sshd message. */
    static Event event(Instant time, String host, String pid, String message, Origin origin) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("time", time.toString());
        if (host != null && !host.isEmpty()) root.put("node", host);
        if (pid != null) {
            try {
                root.put("ProcessId", Long.parseLong(pid));
            } catch (NumberFormatException e) {
                // a non-numeric pid is left out
            }
        }
        root.put("Message", message);
        new SshdMessage(root).read(message);
        return new Event(LogSource.SSHD, time, origin, root);
    }

    private void read(String message) {
        String m = message;
        boolean preauth = m.endsWith(PREAUTH);
        if (preauth) m = m.substring(0, m.length() - PREAUTH.length());
        if (m.startsWith("error: ")) m = m.substring("error: ".length());

        if (m.startsWith("Accepted ")) {
            attempt("accepted_", m, "Accepted ".length());
        } else if (m.startsWith("Failed ")) {
            attempt("failed_", m, "Failed ".length());
        } else if (m.startsWith("Invalid user ")) {
            type("invalid_user");
            out.put("InvalidUser", true);
            userFrom(m, "Invalid user ".length());
        } else if (m.startsWith("maximum authentication attempts exceeded for ")) {
            type("max_auth_attempts");
            userFrom(m, "maximum authentication attempts exceeded for ".length());
        } else if (m.startsWith("Disconnecting ") && m.endsWith(": Too many authentication failures")) {
            type("max_auth_attempts");
            peerAtEnd(m.substring("Disconnecting ".length(), m.length() - ": Too many authentication failures".length()));
        } else if (m.startsWith("Connection closed by ")) {
            type(preauth ? "connection_closed_preauth" : "connection_closed");
            peerAtEnd(m.substring("Connection closed by ".length()));
        } else if (m.startsWith("Connection reset by ")) {
            type("connection_reset");
            peerAtEnd(m.substring("Connection reset by ".length()));
        } else if (m.startsWith("Disconnected from ")) {
            type("disconnect");
            peerAtEnd(m.substring("Disconnected from ".length()));
        } else if (m.startsWith("Received disconnect from ")) {
            type("received_disconnect");
            // "<ip> port <port>:<code>: <text>"; the text is the client's, so cut at the port.
            int port = m.indexOf(" port ", "Received disconnect from ".length());
            if (port > 0) {
                int end = digitsEnd(m, port + " port ".length());
                endpoint(m.substring("Received disconnect from ".length(), port), m.substring(port + " port ".length(), end));
            }
        } else if (m.startsWith("pam_unix(sshd:auth): authentication failure;")) {
            type("auth_failure");
            pamFields(m);
        } else if (m.startsWith("pam_unix(sshd:session): session opened for user ")) {
            type("session_opened");
            sessionUser(m.substring("pam_unix(sshd:session): session opened for user ".length()));
        } else if (m.startsWith("pam_unix(sshd:session): session closed for user ")) {
            type("session_closed");
            sessionUser(m.substring("pam_unix(sshd:session): session closed for user ".length()));
        }
    }

    /** "{@code <method> for [invalid user ]<user> from <ip> port <port> ssh2[: <key>]}". */
    private void attempt(String prefix, String m, int from) {
        int forAt = m.indexOf(" for ", from);
        if (forAt < 0) return;
        String method = m.substring(from, forAt);
        int slash = method.indexOf('/');
        if (slash > 0) method = method.substring(0, slash);
        type(prefix + method.replace('-', '_'));
        userFrom(m, forAt + " for ".length());
    }

    /** "{@code [invalid user ]<user> from <ip> port <port>…}" starting at {@code from}. */
    private void userFrom(String m, int from) {
        int at = m.lastIndexOf(" from ");
        if (at < from) return;
        String user = m.substring(from, at);
        if (user.startsWith("invalid user ")) {
            out.put("InvalidUser", true);
            user = user.substring("invalid user ".length());
        }
        out.put("User", user);
        int ipStart = at + " from ".length();
        int port = m.indexOf(" port ", ipStart);
        if (port < 0) return;
        endpoint(m.substring(ipStart, port), m.substring(port + " port ".length(), digitsEnd(m, port + " port ".length())));
    }

    /** "{@code [authenticating user |invalid user |user ]<user> <ip> port <port>}" or "{@code <ip> port <port>}". */
    private void peerAtEnd(String s) {
        int port = s.lastIndexOf(" port ");
        if (port < 0) return;
        String portText = s.substring(port + " port ".length());
        int ipStart = s.lastIndexOf(' ', port - 1) + 1;
        endpoint(s.substring(ipStart, port), portText);
        if (ipStart == 0) return;
        String who = s.substring(0, ipStart - 1);
        if (who.startsWith("authenticating user ")) {
            out.put("User", who.substring("authenticating user ".length()));
        } else if (who.startsWith("invalid user ")) {
            out.put("InvalidUser", true);
            out.put("User", who.substring("invalid user ".length()));
        } else if (who.startsWith("user ")) {
            out.put("User", who.substring("user ".length()));
        }
    }

    /** PAM's "{@code … rhost=<host>  user=<user>}" key=value pairs. */
    private void pamFields(String m) {
        String rhost = pamValue(m, " rhost=");
        if (rhost != null && isAddress(rhost)) out.put("SourceIp", rhost);
        String user = pamValue(m, " user=");
        if (user != null) out.put("User", user);
    }

    private static String pamValue(String m, String key) {
        int at = m.lastIndexOf(key);
        if (at < 0) return null;
        int start = at + key.length();
        int end = m.indexOf(' ', start);
        String value = end < 0 ? m.substring(start) : m.substring(start, end);
        return value.isEmpty() ? null : value;
    }

    /** "{@code <user>(uid=0) by (uid=0)}" or "{@code <user>}". */
    private void sessionUser(String s) {
        int paren = s.indexOf("(uid=");
        out.put("User", paren >= 0 ? s.substring(0, paren) : s);
    }

    private void endpoint(String ip, String port) {
        if (!isAddress(ip)) return;
        out.put("SourceIp", ip);
        if (!port.isEmpty() && port.length() <= 5 && digitsEnd(port, 0) == port.length()) {
            out.put("SourcePort", Integer.parseInt(port));
        }
    }

    private void type(String eventType) {
        out.put("EventType", eventType);
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    /** An IPv4 or IPv6 literal as sshd prints it (no host names: sshd logs addresses). */
    private static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (c >= '0' && c <= '9') digit = true;
            if (!hex && c != '.' && c != ':') return false;
        }
        return digit || s.contains(":");
    }
}

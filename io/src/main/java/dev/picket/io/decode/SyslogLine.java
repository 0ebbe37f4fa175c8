package dev.picket.io.decode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * One syslog line split into time, host, program, pid and message, by hand (no regular
 * expressions: the message is attacker-influenced). Three layouts are read:
 * <ul>
 *   <li>RFC 3164, {@code Mar  5 10:15:02 node-1 sshd[812]: message}, optionally behind a
 *       {@code <PRI>}; the time is local to the clock's zone and its year is inferred (below);</li>
 *   <li>the same with an RFC 3339 time instead ({@code 2024-03-05T10:15:02.123456+00:00}), as
 *       rsyslog writes with its high-precision template and recent distributions by default;</li>
 *   <li>RFC 5424, {@code <38>1 2024-03-05T10:15:02.1Z node-1 sshd 812 - - message} with optional
 *       structured data.</li>
 * </ul>
 *
 * @param program the tag without its {@code [pid]}
 * @param pid     the pid, or null when the line has none
 */
record SyslogLine(Instant time, String host, String program, String pid, String message) {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** The parsed line, or null when it is not syslog. */
    static SyslogLine parse(String line, Clock clock) {
        Cursor c = new Cursor(line);
        if (c.peek() == '<') {
            int close = line.indexOf('>');
            if (close < 2 || close > 4 || !digits(line, 1, close)) return null;
            c.pos = close + 1;
            if (line.startsWith("1 ", c.pos)) {
                c.pos += 2;
                return rfc5424(c);
            }
        }
        Instant time = c.peek() >= '0' && c.peek() <= '9' ? rfc3339(c.token()) : rfc3164(c, clock);
        if (time == null) return null;
        String host = c.token();
        if (host == null) return null;
        String tag = c.upTo(':');
        if (tag == null || tag.isEmpty() || tag.indexOf(' ') >= 0) return null;
        c.skip(' ');
        String program = tag;
        String pid = null;
        int bracket = tag.indexOf('[');
        if (bracket > 0 && tag.endsWith("]")) {
            program = tag.substring(0, bracket);
            pid = tag.substring(bracket + 1, tag.length() - 1);
        }
        return new SyslogLine(time, host, program, pid, c.rest());
    }

    private static SyslogLine rfc5424(Cursor c) {
        Instant time = rfc3339(c.token());
        String host = c.token();
        String app = c.token();
        String procId = c.token();
        String msgId = c.token();
        if (time == null || host == null || app == null || procId == null || msgId == null) return null;
        if (!c.skipStructuredData()) return null;
        String message = c.rest();
        if (message.startsWith("\uFEFF")) message = message.substring(1);
        return new SyslogLine(time, nil(host), nil(app), nil(procId), message);
    }

    /**
     * {@code Mmm dd hh:mm:ss}. The year is the clock's, or the one before when that would put the
     * line more than a day after the clock's now (a December line read in January).
     */
    private static Instant rfc3164(Cursor c, Clock clock) {
        String month = c.token();
        String day = c.token();
        String time = c.token();
        if (month == null || day == null || time == null) return null;
        int m = -1;
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(month)) m = i + 1;
        }
        if (m < 0 || day.length() > 2 || !digits(day, 0, day.length())) return null;
        if (time.length() < 8 || time.charAt(2) != ':' || time.charAt(5) != ':'
                || !digits(time, 0, 2) || !digits(time, 3, 5) || !digits(time, 6, 8)) return null;
        ZonedDateTime now = ZonedDateTime.now(clock);
        try {
            LocalDateTime local = LocalDateTime.of(now.getYear(), m, Integer.parseInt(day),
                    Integer.parseInt(time, 0, 2, 10), Integer.parseInt(time, 3, 5, 10), Integer.parseInt(time, 6, 8, 10));
            ZonedDateTime at = local.atZone(clock.getZone());
            if (at.isAfter(now.plusDays(1))) at = local.minusYears(1).atZone(clock.getZone());
            return at.toInstant();
        } catch (DateTimeException e) {
            return null; // Feb 30 and the like
        }
    }

    private static Instant rfc3339(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    private static String nil(String field) {
        return field.equals("-") ? null : field;
    }

    /** A position in the line. */
    private static final class Cursor {
        private final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void skip(char c) {
            while (pos < s.length() && s.charAt(pos) == c) pos++;
        }

        /** The next space-delimited token (leading spaces skipped, as in "Mar  5"), or null at the end. */
        String token() {
            skip(' ');
            if (pos >= s.length()) return null;
            int end = s.indexOf(' ', pos);
            if (end < 0) end = s.length();
            String t = s.substring(pos, end);
            pos = end;
            return t;
        }

        /** Text up to (not including) the delimiter, consuming it; null when it does not occur. */
        String upTo(char delimiter) {
            skip(' ');
            int end = s.indexOf(delimiter, pos);
            if (end < 0) return null;
            String t = s.substring(pos, end);
            pos = end + 1;
            return t;
        }

        /** RFC 5424 STRUCTURED-DATA: "-" or bracketed elements whose values may escape "]". */
        boolean skipStructuredData() {
            skip(' ');
            if (peek() == '-') {
                pos++;
            } else {
                while (peek() == '[') {
                    pos++;
                    boolean inValue = false;
                    while (pos < s.length()) {
                        char c = s.charAt(pos++);
                        if (inValue && c == '\\') {
                            pos++;
                        } else if (c == '"') {
                            inValue = !inValue;
                        } else if (c == ']' && !inValue) {
                            break;
                        }
                    }
                }
            }
            if (pos < s.length() && s.charAt(pos) == ' ') pos++;
            return true;
        }

        String rest() {
            return pos >= s.length() ? "" : s.substring(pos);
        }
    }
}

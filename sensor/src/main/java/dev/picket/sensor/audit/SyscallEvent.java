package dev.picket.sensor.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The joined records of one syscall audit event, read into what the sensor reports: who (pid,
 * parent, uid, executable), what (syscall, arguments, result), where (working directory, the paths
 * the kernel resolved, the socket address) and, for execve, the full argument list.
 *
 * @param exit     the syscall's return value (negative errno on failure)
 * @param args     the first four raw syscall arguments
 * @param argv     execve's arguments, empty for other syscalls
 * @param title    the process title (argv joined by NULs, cut at 128 bytes by the kernel), or null
 * @param sockaddr the raw {@code sockaddr} the syscall named, or null
 */
public record SyscallEvent(long epochMillis, int syscall, boolean success, long exit, long[] args,
                           long pid, long ppid, long uid, String exe, String comm, String cwd,
                           List<String> argv, String title, List<PathItem> paths, byte[] sockaddr) {

    /** One PATH record: the name as the caller gave it (maybe relative) and the kernel's name type (NORMAL, CREATE, DELETE, PARENT). */
    public record PathItem(String name, String nameType) {
    }

    /** The event, or null when the records hold no SYSCALL record (configuration changes, user messages). */
    public static SyscallEvent of(List<AuditRecord> records) {
        AuditRecord syscall = null;
        String cwd = null;
        String title = null;
        byte[] sockaddr = null;
        List<PathItem> paths = new ArrayList<>(2);
        List<AuditRecord> execve = new ArrayList<>(1);
        for (AuditRecord r : records) {
            switch (r.type()) {
                case AuditRecord.SYSCALL -> syscall = r;
                case AuditRecord.CWD -> cwd = r.text("cwd");
                case AuditRecord.PATH -> paths.add(new PathItem(r.text("name"), r.raw("nametype")));
                case AuditRecord.SOCKADDR -> sockaddr = AuditRecord.hex(r.raw("saddr"));
                case AuditRecord.EXECVE -> execve.add(r);
                case AuditRecord.PROCTITLE -> title = processTitle(r.raw("proctitle"));
                default -> {
                }
            }
        }
        if (syscall == null) return null;
        long[] args = new long[4];
        for (int i = 0; i < 4; i++) args[i] = syscall.hexNumber("a" + i, 0);
        return new SyscallEvent(syscall.epochMillis(), (int) syscall.number("syscall", -1),
                "yes".equals(syscall.raw("success")), syscall.number("exit", 0), args,
                syscall.number("pid", -1), syscall.number("ppid", -1), syscall.number("uid", -1),
                syscall.text("exe"), syscall.text("comm"), cwd, arguments(execve), title, paths, sockaddr);
    }

    /**
     * execve's {@code argc} arguments from one or more EXECVE records: {@code aN} holds a whole
     * argument, or for a long one {@code aN_len} announces it and {@code aN[0]}, {@code aN[1]}, …
     * hold its hex chunks, possibly spread over several records.
     */
    static List<String> arguments(List<AuditRecord> records) {
        if (records.isEmpty()) return List.of();
        int argc = (int) records.getFirst().number("argc", 0);
        List<String> argv = new ArrayList<>(argc);
        for (int n = 0; n < argc; n++) {
            String key = "a" + n;
            String whole = null;
            for (AuditRecord r : records) if (whole == null) whole = r.text(key);
            StringBuilder chunks = null;
            for (int k = 0; ; k++) { // chunk k may sit in any of the records
                String chunk = null;
                for (AuditRecord r : records) if (chunk == null) chunk = r.raw(key + "[" + k + "]");
                if (chunk == null) break;
                if (chunks == null) chunks = new StringBuilder();
                chunks.append(chunk);
            }
            if (chunks != null) {
                byte[] bytes = AuditRecord.hex(chunks.toString());
                argv.add(bytes == null ? chunks.toString() : new String(bytes, StandardCharsets.UTF_8));
            } else {
                argv.add(whole == null ? "" : whole);
            }
        }
        return argv;
    }

    /** The title's NUL separators become spaces; a quoted title (no NULs: a process that renamed itself) is kept. */
    private static String processTitle(String raw) {
        if (raw == null) return null;
        if (raw.startsWith("\"") && raw.endsWith("\"") && raw.length() >= 2) return raw.substring(1, raw.length() - 1);
        byte[] bytes = AuditRecord.hex(raw);
        if (bytes == null) return raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) out.write(b == 0 ? ' ' : b);
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    /** The command line from execve's arguments. */
    public String commandLine() {
        return String.join(" ", argv);
    }
}

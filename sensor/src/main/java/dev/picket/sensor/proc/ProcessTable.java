package dev.picket.sensor.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes the sensor knows, fed by exec events and, for processes that started before the
 * sensor, by reading {@code /proc} once. Short-lived processes are gone from {@code /proc} by the
 * time their event is read, so their own entry comes from the event; their parent (usually still
 * alive, or itself seen exec) is found here. Bounded: the least recently used entries go first.
 */
public final class ProcessTable {
    private static final int MAX_DEPTH = 8;

    private final Path proc;
    private final Workloads workloads;
    private final Map<Long, ProcessInfo> known;

    public ProcessTable(Path proc, Workloads workloads, int capacity) {
        this.proc = proc;
        this.workloads = workloads;
        this.known = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ProcessInfo> eldest) {
                return size() > capacity;
            }
        };
    }

    public void put(ProcessInfo process) {
        known.put(process.pid(), process);
    }

    /** The process, from memory or from /proc; null when it is unknown and gone. */
    public ProcessInfo get(long pid) {
        if (pid <= 0) return null;
        ProcessInfo p = known.get(pid);
        if (p != null) return p;
        p = readProc(pid);
        if (p != null) known.put(pid, p);
        return p;
    }

    /**
     * The process as an event names it: the remembered entry when its parent matches, else (a
     * reused pid, or a process reparented when its parent died) what /proc says now.
     */
    public ProcessInfo get(long pid, long ppid) {
        ProcessInfo p = known.get(pid);
        if (p != null && p.ppid() == ppid) return p;
        known.remove(pid);
        return get(pid);
    }

    /**
     * Where a process runs: read from its own cgroup while it lives, else inherited from its
     * parent (a process changes container only by being moved, which short-lived ones are not).
     */
    public Workload workload(long pid, long ppid) {
        Workload own = workloads.of(pid);
        if (own != null) return own;
        ProcessInfo parent = get(ppid);
        return parent != null ? parent.workload() : Workload.HOST;
    }

    /** The parent's parent upwards (the parent itself first), as far as they are known. */
    public List<ProcessInfo> ancestors(long ppid) {
        List<ProcessInfo> chain = new ArrayList<>(4);
        long pid = ppid;
        while (chain.size() < MAX_DEPTH) {
            ProcessInfo p = get(pid);
            if (p == null) break;
            chain.add(p);
            if (p.ppid() == pid || p.ppid() <= 0) break;
            pid = p.ppid();
        }
        return chain;
    }

    public int size() {
        return known.size();
    }

    private ProcessInfo readProc(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ppid = Long.parseLong(after[1]);
            String image;
            try {
                image = Files.readSymbolicLink(dir.resolve("exe")).toString();
            } catch (IOException | UnsupportedOperationException e) {
                image = null; // kernel threads have no executable
            }
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            for (int i = 0; i < cmdline.length; i++) if (cmdline[i] == 0) cmdline[i] = ' ';
            String commandLine = new String(cmdline, StandardCharsets.UTF_8).trim();
            Workload workload = workloads.of(pid);
            return new ProcessInfo(pid, ppid, image, commandLine, workload == null ? Workload.HOST : workload);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

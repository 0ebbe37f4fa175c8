package dev.picket.sensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sensor process's CPU time (user + system, from {@code /proc/self/stat}) and resident memory
 * (from {@code /proc/self/status}).
 */
public record ProcessCost(double cpuSeconds, long residentMiB) {
    private static final double CLOCK_TICKS = 100.0; // USER_HZ, fixed at 100 on Linux

    public static ProcessCost now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS; // utime, stime
            long rssKib = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) rssKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
            return new ProcessCost(cpu, rssKib / 1024);
        } catch (IOException | RuntimeException e) {
            return new ProcessCost(0, 0);
        }
    }
}

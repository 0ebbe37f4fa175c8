package dev.picket.sensor.proc;

/** What the sensor remembers of a process: enough to name it as a parent or ancestor and to place it. */
public record ProcessInfo(long pid, long ppid, String image, String commandLine, Workload workload) {
}

package dev.picket.engine.alert;

/** The controller a pod belongs to ({@code Deployment web}), or the workload object itself. */
public record Workload(String kind, String name) {
}

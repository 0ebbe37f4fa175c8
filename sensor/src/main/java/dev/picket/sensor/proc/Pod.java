package dev.picket.sensor.proc;

import java.util.Map;

/** The Kubernetes pod a container belongs to, with the labels rules may group or filter on. */
public record Pod(String namespace, String name, Map<String, String> labels) {
}

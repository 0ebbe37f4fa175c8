package dev.picket.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ATT&CK for Containers matrix with the rules behind each technique, as JSON:
 * {@code {"version", "tactics": [{"id", "shortname", "name", "techniques": [{"id", "name", "rules": [...]}]}]}}.
 * The API adds alert counts per technique for the period asked.
 */
@FunctionalInterface
public interface AttackCoverage {
    ObjectNode matrix();
}

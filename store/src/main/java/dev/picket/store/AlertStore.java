package dev.picket.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where alerts and the incidents they form are kept. Alerts are stored as their JSON, as the
 * engine produced it (evidence already redacted), with the fields the API filters on indexed beside
 * it. Adding an alert whose id is already stored changes nothing, so a replayed journal cannot
 * double an alert or an incident.
 *
 * <p>Every raw alert is kept. An alert with the fingerprint of an earlier one (same rule, same
 * entity, same incident-window period) is its repeat: a grouped listing shows the first with a count.
 * A repeat of a resolved alert, and a new alert in a resolved incident, reopen it (status {@code new}).
 */
public interface AlertStore extends AutoCloseable {

    /**
     * Stores the alerts that are new, in one transaction, and files each into its entity's incident.
     *
     * @return how many were new
     * @throws StoreException when an alert lacks a field the store indexes, or the database fails
     */
    int add(List<ObjectNode> alerts);

    /** Alerts matching the query, newest first, one page at a time. */
    AlertPage alerts(AlertQuery query);

    Optional<ObjectNode> alert(String id);

    /** Incidents whose activity overlaps the time range (either end may be null), latest activity first. */
    List<Incident> incidents(Instant from, Instant to, int limit);

    /** One incident with its alerts ordered along the ATT&CK tactics, then by time. */
    Optional<IncidentDetail> incident(String id);

    /** How many alerts in the time range (either end may be null) carry each technique ID. */
    Map<String, Long> techniqueCounts(Instant from, Instant to);

    /** How an alert's group or an incident is being worked; empty when there is no such alert or incident. */
    Optional<Triage> triage(Triage.Target target, String id);

    /**
     * Changes status, assignee or adds a comment, each change logged with the actor and time; for
     * an alert, its group (the first alert and its repeats) changes. Empty when there is no such one.
     */
    Optional<Triage> change(Triage.Target target, String id, String actor, Triage.Change change, Instant at);

    /**
     * Alerts marked suppressed, per suppression filter: the alert's {@code suppressed.filter}
     * (such alerts are kept and listed on request, but open no incident and form their own groups).
     */
    Map<String, Long> suppressedCounts();

    /** Deletes alerts older than the cutoff and incidents whose last alert is; returns alerts deleted. */
    int deleteBefore(Instant cutoff);

    @Override
    void close();
}

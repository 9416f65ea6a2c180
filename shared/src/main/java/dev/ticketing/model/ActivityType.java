package dev.ticketing.model;

/**
 * What an activity records. {@code escalation} and {@code idle} are recorded by the scheduled automation: a
 * service-level target that passed unmet, and a ticket left without interaction.
 */
public enum ActivityType {
    created, comment, statusChange, update, escalation, idle
}

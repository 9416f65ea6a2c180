package dev.ticketing.model;

/** What an activity records. */
public enum ActivityType {
    created, comment, statusChange, update
}

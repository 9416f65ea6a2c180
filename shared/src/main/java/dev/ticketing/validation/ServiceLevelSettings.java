package dev.ticketing.validation;

import dev.ticketing.model.Instance;
import dev.ticketing.model.Priority;
import dev.ticketing.model.SlaPolicy;
import java.util.HashSet;
import java.util.Set;

/** Checks an instance's service-level policy and idle-ticket settings, naming each wrong value's path. */
public final class ServiceLevelSettings {

    /** The longest idle delay accepted, in days. */
    public static final int MAX_DAYS_BEFORE_IDLE = 365;

    private ServiceLevelSettings() {
    }

    public static void check(Instance instance, Errors errors) {
        SlaPolicy sla = instance.sla();
        if (sla != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < sla.rules().size(); i++) {
                SlaPolicy.SlaTarget rule = sla.rules().get(i);
                String path = "sla.rules[" + i + "]";
                if (rule == null) {
                    errors.add(path, "must be an object {priority, firstResponseHours, resolutionHours}");
                    continue;
                }
                if (Priority.parse(rule.priority()).isEmpty()) {
                    errors.add(path + ".priority", "must be one of " + Priority.NAMES);
                } else if (!seen.add(rule.priority().strip())) {
                    errors.add(path + ".priority", "repeats " + rule.priority() + "; give each priority one rule");
                }
                if (rule.firstResponseHours() == null && rule.resolutionHours() == null) {
                    errors.add(path, "must give firstResponseHours, resolutionHours or both");
                }
                hours(rule.firstResponseHours(), path + ".firstResponseHours", errors);
                hours(rule.resolutionHours(), path + ".resolutionHours", errors);
            }
        }
        Integer days = instance.dayBeforeTicketsIdle();
        if (days != null && (days < 1 || days > MAX_DAYS_BEFORE_IDLE)) {
            errors.add("dayBeforeTicketsIdle", "must be a whole number of days from 1 to " + MAX_DAYS_BEFORE_IDLE);
        }
        if (Boolean.TRUE.equals(instance.isAutoAssignIdleTickets())
                && (instance.idleTicketAssignedTo() == null || instance.idleTicketAssignedTo().isEmpty())) {
            errors.add("idleTicketAssignedTo", "must name at least one person when isAutoAssignIdleTickets is true");
        }
    }

    /** More than zero, at most a year; fractions allowed (0.25 is 15 minutes), down to a second. */
    private static void hours(Double hours, String path, Errors errors) {
        if (hours == null) {
            return;
        }
        if (hours.isNaN() || hours * 3600 < 1 || hours > SlaPolicy.MAX_HOURS) {
            errors.add(path, "must be a number of hours from 1 second (0.0003) to " + (int) SlaPolicy.MAX_HOURS
                    + " (fractions allowed: 0.5 is 30 minutes)");
        }
    }
}

package dev.ticketing.http;

import dev.ticketing.error.ValidationException;
import java.time.ZoneOffset;

/** The {@code timezone} parameter: an integer number of hours from GMT, as the reference defines it. */
public final class Timezones {

    public static final int MIN_HOURS = -12;
    public static final int MAX_HOURS = 14;

    private Timezones() {
    }

    public static ZoneOffset parse(String value) {
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        int hours;
        try {
            hours = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw invalid(value);
        }
        return ZoneOffset.ofHours(hours);
    }

    private static ValidationException invalid(String value) {
        return new ValidationException("timezone", "must be a whole number of hours from GMT between "
                + MIN_HOURS + " and " + MAX_HOURS + " (got '" + value + "')");
    }
}

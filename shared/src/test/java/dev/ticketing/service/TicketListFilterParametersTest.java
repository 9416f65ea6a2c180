package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Status;
import dev.ticketing.store.DateRange;
import dev.ticketing.store.TicketDateField;
import dev.ticketing.store.TicketQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** GET /tickets' status and date filters: isResolved, statusId, and the six After/Before date parameters. */
class TicketListFilterParametersTest {

    private static TicketQuery parse(Map<String, String> params) {
        return parse(params, ZoneOffset.UTC);
    }

    private static TicketQuery parse(Map<String, String> params, ZoneOffset timezone) {
        return TicketListParameters.parse("i", name -> Optional.ofNullable(params.get(name)), Optional.empty(),
                timezone);
    }

    @Test
    void isResolved_meansResolvedOrClosed_andFalseTheOthers() {
        assertThat(parse(Map.of("isResolved", "true")).statuses())
                .containsExactlyInAnyOrder(Status.Resolved, Status.Closed);
        assertThat(parse(Map.of("isResolved", "false")).statuses())
                .containsExactlyInAnyOrder(Status.Open, Status.Reopened, Status.Started);
        assertThat(parse(Map.of("isResolved", " TRUE ")).statuses())
                .containsExactlyInAnyOrder(Status.Resolved, Status.Closed);
    }

    @Test
    void statusId_isAStatusName_includingTheLiveApisInProgress() {
        assertThat(parse(Map.of("statusId", "Closed")).statuses()).containsExactly(Status.Closed);
        assertThat(parse(Map.of("statusId", "In Progress")).statuses()).containsExactly(Status.Started);
        assertThat(parse(Map.of("status", "In Progress,Open")).statuses())
                .containsExactlyInAnyOrder(Status.Started, Status.Open);
    }

    @Test
    void status_statusId_andIsResolved_narrowEachOther() {
        assertThat(parse(Map.of("status", "Open,Closed", "isResolved", "true")).statuses())
                .containsExactly(Status.Closed);
        assertThat(parse(Map.of("status", "Open,Started,Closed", "statusId", "Started,Closed",
                "isResolved", "false")).statuses()).containsExactly(Status.Started);
    }

    @Test
    void filtersThatNoStatusSatisfies_areA400_namingTheContradictingParameter() {
        assertThat(fieldsRejected(Map.of("status", "Open", "isResolved", "true"))).containsExactly("isResolved");
        assertThat(fieldsRejected(Map.of("status", "Open", "statusId", "Closed"))).containsExactly("statusId");
        assertThat(fieldsRejected(Map.of("statusId", "Resolved", "isResolved", "false")))
                .containsExactly("isResolved");
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource(delimiter = '|', value = {
        "isResolved|yes", "isResolved|1", "isResolved|resolved",
        "statusId|3", "statusId|open", "statusId|InProgress", "statusId|Open,,Closed",
        "createdAfter|2026-02-30", "createdAfter|2026-13-01", "createdAfter|26-03-01", "createdAfter|2026/03/01",
        "createdBefore|2026-03-01T25:00", "createdBefore|2026-03-01 10:00", "createdBefore|now",
        "expectedDateAfter|2026-03-01T10:00:00+25:00", "expectedDateBefore|+12026-03-01",
        "lastUpdateAfter|2026-03-01T10:00:00Z[Europe/Paris]", "lastUpdateBefore|1700000000"})
    void invalidValue_isA400_namingTheParameter_andTheExpectedForm(String name, String value) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(Map.of(name, value)));

        assertThat(e).as(name + "=" + value).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ValidationError);
        assertThat(e.details()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(name);
            assertThat(error.message()).containsAnyOf("YYYY-MM-DD", "true or false", "is not one of");
        });
    }

    @Test
    void aWholeDay_startsAtMidnightInTheTimezoneOffset_afterIncluded_beforeExcluded() {
        TicketQuery q = parse(Map.of("createdAfter", "2026-03-01", "createdBefore", "2026-03-02"),
                ZoneOffset.ofHours(7));

        DateRange day = q.date(TicketDateField.created).orElseThrow();
        assertThat(day.from()).contains(Instant.parse("2026-02-28T17:00:00Z"));
        assertThat(day.before()).contains(Instant.parse("2026-03-01T17:00:00Z"));
        assertThat(day.contains(Instant.parse("2026-02-28T17:00:00Z"))).as("first instant of the day").isTrue();
        assertThat(day.contains(Instant.parse("2026-03-01T16:59:59.999Z"))).as("last instant of the day").isTrue();
        assertThat(day.contains(Instant.parse("2026-03-01T17:00:00Z"))).as("next day").isFalse();
        assertThat(day.contains(Instant.parse("2026-02-28T16:59:59.999Z"))).as("day before").isFalse();
    }

    @Test
    void negativeTimezone_movesTheDayLater() {
        TicketQuery q = parse(Map.of("lastUpdateAfter", "2026-03-01"), ZoneOffset.ofHours(-5));

        assertThat(q.date(TicketDateField.lastUpdate).orElseThrow().from())
                .contains(Instant.parse("2026-03-01T05:00:00Z"));
    }

    @Test
    void dateTimes_takeTheirOwnOffset_orElseTheTimezone_withOptionalSecondsAndFraction() {
        ZoneOffset plusTwo = ZoneOffset.ofHours(2);
        assertThat(from(Map.of("createdAfter", "2026-03-01T09:30:00Z"), plusTwo))
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(from(Map.of("createdAfter", "2026-03-01T09:30:00-05:00"), plusTwo))
                .isEqualTo(Instant.parse("2026-03-01T14:30:00Z"));
        assertThat(from(Map.of("createdAfter", "2026-03-01T09:30:00"), plusTwo))
                .as("the live client's local YYYY-MM-DDTHH:mm:ss").isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
        assertThat(from(Map.of("createdAfter", "2026-03-01T09:30"), plusTwo))
                .isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
        assertThat(from(Map.of("createdAfter", "2026-03-01t09:30:00.123456z"), plusTwo))
                .isEqualTo(Instant.parse("2026-03-01T09:30:00.123456Z"));
    }

    @ParameterizedTest
    @EnumSource(TicketDateField.class)
    void eachDateField_hasItsAfterAndBeforeParameters(TicketDateField field) {
        TicketQuery q = parse(Map.of(field.afterParameter(), "2026-03-01", field.beforeParameter(),
                "2026-04-01T00:00:00Z"));

        assertThat(q.dates()).containsOnlyKeys(field);
        assertThat(q.date(field).orElseThrow().from()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(q.date(field).orElseThrow().before()).contains(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void oneEndAlone_leavesTheOtherOpen() {
        DateRange range = parse(Map.of("expectedDateBefore", "2026-03-01")).date(TicketDateField.expectedDate)
                .orElseThrow();

        assertThat(range.from()).isEmpty();
        assertThat(range.before()).contains(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void contradictoryOrEmptyRange_isA400_namingBefore_andSayingHowToAskForOneDay() {
        ValidationException later = catchThrowableOfType(ValidationException.class,
                () -> parse(Map.of("createdAfter", "2026-03-02", "createdBefore", "2026-03-01")));
        ValidationException same = catchThrowableOfType(ValidationException.class,
                () -> parse(Map.of("lastUpdateAfter", "2026-03-01", "lastUpdateBefore", "2026-03-01T00:00:00Z")));

        assertThat(later.details()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("createdBefore");
            assertThat(error.message()).contains("later than createdAfter")
                    .contains("createdAfter=D&createdBefore=D+1");
        });
        assertThat(same.details()).extracting(FieldError::field).containsExactly("lastUpdateBefore");
    }

    @Test
    void datesFarOutsideStoredOnes_areAccepted() {
        TicketQuery q = parse(Map.of("createdAfter", "0001-01-01", "createdBefore", "9999-12-31T23:59:59.999+14:00"));

        assertThat(q.date(TicketDateField.created)).isPresent();
    }

    @Test
    void fingerprint_differsByDateRange_andByTheTimezoneOfAWholeDay_butNotOfAnInstant() {
        String day = parse(Map.of("createdAfter", "2026-03-01")).fingerprint();
        String instant = parse(Map.of("createdAfter", "2026-03-01T00:00:00Z")).fingerprint();

        assertThat(instant).isEqualTo(day);
        assertThat(parse(Map.of("createdAfter", "2026-03-01"), ZoneOffset.ofHours(1)).fingerprint()).isNotEqualTo(day);
        assertThat(parse(Map.of("createdAfter", "2026-03-01T00:00:00Z"), ZoneOffset.ofHours(1)).fingerprint())
                .isEqualTo(day);
        assertThat(parse(Map.of("lastUpdateAfter", "2026-03-01")).fingerprint()).isNotEqualTo(day);
        assertThat(parse(Map.of()).fingerprint()).as("no date line without date filters")
                .doesNotContain("d:");
    }

    @Test
    void fingerprint_ofIsResolved_isThatOfTheStatusesItMeans() {
        assertThat(parse(Map.of("isResolved", "true")).fingerprint())
                .isEqualTo(parse(Map.of("status", "Closed,Resolved")).fingerprint());
    }

    @Test
    void everyInvalidFilter_isReportedAtOnce() {
        assertThat(fieldsRejected(Map.of("isResolved", "maybe", "createdAfter", "x", "expectedDateBefore", "y",
                "statusId", "Done"))).containsExactlyInAnyOrder("isResolved", "createdAfter", "expectedDateBefore",
                "statusId");
    }

    private static Instant from(Map<String, String> params, ZoneOffset timezone) {
        return parse(params, timezone).date(TicketDateField.created).orElseThrow().from().orElseThrow();
    }

    private static java.util.List<String> fieldsRejected(Map<String, String> params) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(params));
        assertThat(e).as("a 400 for " + params).isNotNull();
        return e.details().stream().map(FieldError::field).toList();
    }
}

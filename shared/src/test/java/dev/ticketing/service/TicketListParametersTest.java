package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.store.TicketOrder;
import dev.ticketing.store.TicketQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketListParametersTest {

    private static TicketQuery parse(Map<String, String> params) {
        return TicketListParameters.parse("i", name -> Optional.ofNullable(params.get(name)), Optional.empty());
    }

    @Test
    void parse_defaultsToTenNewestFirst() {
        TicketQuery q = parse(Map.of());

        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.offset()).isZero();
        assertThat(q.orderBy()).isEqualTo(TicketOrder.createdDateTime);
        assertThat(q.ascending()).isFalse();
        assertThat(q.statuses()).isEmpty();
        assertThat(q.continuationToken()).isEmpty();
    }

    @Test
    void parse_acceptsReferenceSpellingWithLeadingSpace_andCommaLists() {
        TicketQuery q = parse(Map.of("status", "Open, Closed", "priority", "Urgent,Low",
                "tags", "cat-1_My Tag,cat-2_x", "title", " Printer ", "search", "VPN", "orderBy", "title",
                "order", "ASC", "limit", "1000", "offset", "5"));

        assertThat(q.statuses()).containsExactlyInAnyOrder(Status.Open, Status.Closed);
        assertThat(q.priorities()).containsExactlyInAnyOrder(Priority.Urgent, Priority.Low);
        assertThat(q.tags()).containsExactlyInAnyOrder("cat-1_my tag", "cat-2_x");
        assertThat(q.title()).contains("printer");
        assertThat(q.search()).contains("vpn");
        assertThat(q.orderBy()).isEqualTo(TicketOrder.title);
        assertThat(q.ascending()).isTrue();
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.offset()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource(delimiter = '|', value = {
        "limit|0", "limit|1001", "limit|-1", "limit|ten", "limit|1.5",
        "offset|-1", "offset|x", "offset|100001", "offset|1001",
        "orderBy|created", "orderBy|STATUS",
        "order|asc", "order|UP",
        "status|Opened", "status|Open,,Closed", "priority|High", "priority|urgent",
        "tags|noUnderscore", "tags|_text", "tags|cat_"})
    void parse_rejectsInvalidParameter_namingIt(String name, String value) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(Map.of(name, value)));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ValidationError);
        assertThat(e.details()).extracting(FieldError::field).containsExactly(name);
    }

    @Test
    void parse_reportsEveryInvalidParameterAtOnce() {
        ValidationException e = catchThrowableOfType(
                ValidationException.class, () -> parse(Map.of("limit", "0", "order", "sideways", "status", "Done")));

        assertThat(e.details()).extracting(FieldError::field).containsExactlyInAnyOrder("limit", "order", "status");
    }

    @Test
    void fingerprint_ignoresPageSizeAndValueOrder_butNotFiltersOrOrder() {
        String base = parse(Map.of("status", "Open,Closed", "limit", "5")).fingerprint();

        assertThat(parse(Map.of("status", "Closed,Open", "limit", "50", "offset", "3")).fingerprint()).isEqualTo(base);
        assertThat(parse(Map.of("status", "Open")).fingerprint()).isNotEqualTo(base);
        assertThat(parse(Map.of("status", "Open,Closed", "order", "ASC")).fingerprint()).isNotEqualTo(base);
        assertThat(parse(Map.of("status", "Open,Closed", "search", "x")).fingerprint()).isNotEqualTo(base);
    }

    @Test
    void parse_readsTheWorkQueueFilters_assigneeLowerCased() {
        TicketQuery q = parse(Map.of("assignee", " Ada@Helpdesk.Example ", "isFrtEscalated", "true",
                "isRtEscalated", "FALSE"));

        assertThat(q.assignee()).contains("ada@helpdesk.example");
        assertThat(q.frtEscalated()).contains(true);
        assertThat(q.rtEscalated()).contains(false);
        assertThat(q.export()).isEmpty();
    }

    @Test
    void workQueueFilters_withUnreadableValues_areRefusedNamingEach() {
        assertThat(fieldsRejected(Map.of("isFrtEscalated", "yes", "isRtEscalated", "1", "assignee", "a".repeat(256),
                "updatedSince", "last week"))).containsExactlyInAnyOrder("isFrtEscalated", "isRtEscalated", "assignee",
                "updatedSince");
    }

    @Test
    void updatedSince_isAnInstantOrADayInTheTimezone() {
        assertThat(parse(Map.of("updatedSince", "2026-03-01T09:30:00Z")).export()).hasValueSatisfying(export ->
                assertThat(export.after()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z")));
        TicketQuery day = TicketListParameters.parse("i-1", name -> Optional.ofNullable(
                Map.of("updatedSince", "2026-03-01").get(name)), Optional.empty(), ZoneOffset.ofHours(2));
        assertThat(day.export()).hasValueSatisfying(export ->
                assertThat(export.after()).isEqualTo(Instant.parse("2026-02-28T22:00:00Z")));
    }

    @Test
    void updatedSince_fixesTheOrder_soOrderByAndOrderAreRefusedWithIt() {
        assertThat(fieldsRejected(Map.of("updatedSince", "2026-03-01", "orderBy", "title", "order", "ASC")))
                .containsExactlyInAnyOrder("orderBy", "order");
    }

    @Test
    void fingerprint_differsForEachWorkQueueFilter_soATokenServesOnlyItsOwnQuery() {
        String base = parse(Map.of()).fingerprint();

        assertThat(java.util.List.of(parse(Map.of("assignee", "a@b.c")).fingerprint(),
                parse(Map.of("isFrtEscalated", "true")).fingerprint(),
                parse(Map.of("isRtEscalated", "true")).fingerprint(),
                parse(Map.of("updatedSince", "2026-03-01")).fingerprint()))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void offsetPastOneThousand_isRefused_pointingToTheToken() {
        assertThat(parse(Map.of("offset", "1000")).offset()).isEqualTo(1000);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(Map.of("offset", "1001")));

        assertThat(e.details()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("offset");
            assertThat(error.message()).contains("from 0 to 1000").contains("continuationToken");
        });
    }

    /** A FilterExpression over 4 KB is refused by DynamoDB: the caps keep the list's filter far below it. */
    @Test
    void filterValueCounts_areCapped_farBelowTheExpressionLimit() {
        String twentyTags = String.join(",", java.util.Collections.nCopies(20, "cat_t"));
        String manyTags = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "cat_t" + i).toList());

        assertThat(parse(Map.of("tags", twentyTags)).tags()).containsExactly("cat_t");
        assertThat(fieldsRejected(Map.of("tags", manyTags))).containsExactly("tags");
        assertThat(fieldsRejected(Map.of("status", "Open,Open,Open,Open,Open,Open"))).containsExactly("status");
        assertThat(fieldsRejected(Map.of("priority", "Low,Low,Low,Low,Low"))).containsExactly("priority");
        assertThat(fieldsRejected(Map.of("tags", "cat_" + "x".repeat(200)))).containsExactly("tags");
        assertThat(fieldsRejected(Map.of("title", "x".repeat(256), "search", "y".repeat(256))))
                .containsExactlyInAnyOrder("title", "search");
    }

    @Test
    void continuationToken_asAQueryParameter_isTheSameToken_asTheHeader() {
        Map<String, String> params = Map.of("continuationToken", "abc");

        assertThat(parse(params).continuationToken()).contains("abc");
        assertThat(TicketListParameters.parse("i", name -> Optional.ofNullable(params.get(name)), Optional.of("abc"))
                .continuationToken()).contains("abc");
    }

    private static java.util.List<String> fieldsRejected(Map<String, String> params) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(params));
        assertThat(e).as("a 400 for " + params).isNotNull();
        return e.details().stream().map(FieldError::field).toList();
    }
}

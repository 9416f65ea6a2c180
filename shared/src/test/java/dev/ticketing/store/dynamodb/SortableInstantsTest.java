package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortableInstantsTest {

    private static final DateTimeFormatter JAVA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2024-02-29T12:00:00.001Z"), Instant.parse("2026-12-01T09:30:00Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z")));
        Random random = new Random(20261201);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000)));
        }
        return instants;
    }

    /** Year 0 is written as 0001 (see {@link SortableInstants#format}), as it always was, so it cannot round-trip. */
    private static List<Instant> fromYearOne() {
        return instants().stream().filter(i -> !i.isBefore(Instant.parse("0001-01-01T00:00:00Z"))).toList();
    }

    @Test
    void format_writesWhatJavaTimesPatternWrites_forEveryYearFrom0To9999_evenItsYearOfEraQuirk() {
        for (Instant instant : instants()) {
            assertThat(SortableInstants.format(instant)).as("%s", instant).isEqualTo(JAVA_TIME.format(instant));
        }
    }

    @Test
    void parse_readsBackWhatFormatWrote_toTheMillisecond() {
        for (Instant instant : fromYearOne()) {
            assertThat(SortableInstants.parse(SortableInstants.format(instant))).as("%s", instant)
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void parse_ofOtherIsoShapes_fallsBackToJavaTime() {
        assertThat(SortableInstants.parse("2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(SortableInstants.parse("2026-01-01T00:00:00.123456Z"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void parse_ofAnImpossibleDate_isRefusedAsJavaTimeRefusesIt() {
        assertThatThrownBy(() -> SortableInstants.parse("2026-02-30T00:00:00.000Z"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> SortableInstants.parse("2026-13-01T00:00:00.000Z"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> SortableInstants.parse("2026-1a-01T00:00:00.000Z"))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void formattedInstants_sortAsText_asTheInstantsSort() {
        List<Instant> instants = fromYearOne().subList(0, 2_000);
        List<String> texts = new ArrayList<>(instants.stream().map(SortableInstants::format).toList());
        List<Instant> byText = texts.stream().sorted().map(SortableInstants::parse).toList();

        assertThat(byText).isEqualTo(instants.stream().map(i -> i.truncatedTo(ChronoUnit.MILLIS)).sorted().toList());
    }
}

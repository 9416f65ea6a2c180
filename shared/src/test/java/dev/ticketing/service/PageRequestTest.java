package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void absentLimit_isTheDefault_andNoTokenIsTheFirstPage() {
        assertThat(parse(Map.of(), Optional.empty())).isEqualTo(new PageRequest(10, Optional.empty()));
    }

    @Test
    void limit_isReadWithin1To1000() {
        assertThat(parse(Map.of("limit", " 1000 "), Optional.empty()).limit()).isEqualTo(1000);
        assertThat(parse(Map.of("limit", "1"), Optional.empty()).limit()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "1.5", "99999999999"})
    void limitOutOfRangeOrNotANumber_is400NamingLimit(String limit) {
        assertThatThrownBy(() -> parse(Map.of("limit", limit), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("limit"));
    }

    @Test
    void token_comesFromTheHeader_beforeTheQueryParameter() {
        assertThat(parse(Map.of("continuationToken", "q"), Optional.of("h")).continuationToken()).contains("h");
        assertThat(parse(Map.of("continuationToken", "q"), Optional.empty()).continuationToken()).contains("q");
    }

    @Test
    void blankToken_isAbsent() {
        assertThat(parse(Map.of("continuationToken", " "), Optional.of("")).continuationToken()).isEmpty();
    }

    private static PageRequest parse(Map<String, String> query, Optional<String> header) {
        return PageRequest.parse(name -> Optional.ofNullable(query.get(name)), header);
    }
}

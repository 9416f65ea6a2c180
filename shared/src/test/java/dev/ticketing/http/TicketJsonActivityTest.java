package dev.ticketing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.User;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TicketJsonActivityTest {

    private static final User USER = new User("u1", "Una", "una@example.com");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void updateStoredWithTheOldChangeNames_isListedWithTheLiveOnes() throws Exception {
        ObjectNode details = Json.object();
        details.putArray("changes").addObject().put("field", "title").put("from", "Old").put("to", "New");

        JsonNode json = TicketJson.activity(activity(ActivityType.update, details), ZoneOffset.UTC, false);

        assertThat(json.get("changes")).isEqualTo(Json.parse(
                "[{\"name\": \"title\", \"oldValue\": \"Old\", \"newValue\": \"New\"}]"));
    }

    @Test
    void statusChange_isListedAsAChangeOfStatus_besideItsFromAndTo() throws Exception {
        ObjectNode details = Json.object().put("from", "Open").put("to", "Resolved");

        JsonNode json = TicketJson.activity(activity(ActivityType.statusChange, details), ZoneOffset.UTC, false);

        assertThat(json.get("changes")).isEqualTo(Json.parse(
                "[{\"name\": \"status\", \"oldValue\": \"Open\", \"newValue\": \"Resolved\"}]"));
        assertThat(json.get("from").asText()).isEqualTo("Open");
    }

    @Test
    void commentHtml_isLeftOutUnlessIncluded_andTheCommentAnswerNamesItsActivity() {
        ObjectNode details = Json.object().put("comment", "Hi").put("comment_HTML", "<p>Hi</p>");
        Activity comment = activity(ActivityType.comment, details);

        assertThat(TicketJson.activity(comment, ZoneOffset.UTC, false).has("comment_HTML")).isFalse();
        assertThat(TicketJson.activity(comment, ZoneOffset.UTC, true).get("comment_HTML").asText())
                .isEqualTo("<p>Hi</p>");
        assertThat(TicketJson.comment(comment, ZoneOffset.UTC, false).get("activityId").asText()).isEqualTo("a1");
    }

    private static Activity activity(ActivityType type, ObjectNode details) {
        return new Activity("i", 7, "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a", "a1", type, USER, AT, details);
    }
}

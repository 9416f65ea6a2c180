package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The automation as a new user meets it in the sandbox, over HTTP, with every function (the scheduled one too)
 * under Lambda's runtime client: the demo instance's 1-minute first-response target for Urgent tickets, the
 * sandbox's run endpoint with a time of the user's choosing, the escalation filter, a first response, an idle
 * ticket reassigned, the assignee filter and the incremental export.
 */
@ExtendWith(DynamoDbEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomationSandboxIT {

    private static final String REQUESTOR = "{\"id\": \"r-1\", \"name\": \"Rita Requestor\", "
            + "\"email\": \"rita@example.com\"}";
    private static final String AGENT = "{\"id\": \"a-1\", \"name\": \"Ada Agent\", \"email\": \"ada@example.com\"}";
    /** The demo instance's idle owner. */
    private static final String IDLE_OWNER = "AlexW@xxxxxxxx.com";

    private Sandbox sandbox;

    @BeforeAll
    void startSandbox(TestTable table) {
        sandbox = Sandbox.start(Options.defaults().withPort(0).withDynamoDbEndpoint(table.endpoint())
                .withTableName(table.tableName()).withRuntime(Options.FunctionRuntime.LAMBDA));
    }

    @AfterAll
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void anUrgentTicket_missesItsOneMinuteTarget_isEscalatedByARun_andListedAsEscalated() throws Exception {
        JsonNode ticket = create("Urgent");
        Instant created = Instant.parse(ticket.get("createdOn").asText());
        assertThat(Instant.parse(ticket.get("frtDueOn").asText())).isBetween(created.plusSeconds(59),
                created.plusSeconds(61));
        assertThat(ticket.get("isFrtEscalated").asBoolean()).isFalse();

        JsonNode run = run(created.plus(Duration.ofMinutes(2)));

        assertThat(run.get("escalations").asInt()).isGreaterThanOrEqualTo(1);
        String id = ticket.get("id").asText();
        JsonNode escalated = item("GET", "/tickets/" + id, null);
        assertThat(escalated.get("isFrtEscalated").asBoolean()).isTrue();
        assertThat(escalated.get("isFrtBreached").asBoolean()).isTrue();
        assertThat(ids(list("/tickets?isFrtEscalated=true&limit=100"))).contains(id);
        JsonNode activities = list("/tickets/" + id + "/activities");
        assertThat(activities.get(0).get("type").asText()).isEqualTo("escalation");
        assertThat(activities.get(0).at("/createdBy/name").asText()).isEqualTo("Automation");
        assertThat(activities.get(0).at("/changes/0/name").asText()).isEqualTo("isFrtEscalated");
    }

    @Test
    void aCommentByTheAssignee_setsFirstResponseOn_andTheTicketIsNotEscalated() throws Exception {
        JsonNode ticket = create("Urgent");
        String id = ticket.get("id").asText();

        item("POST", "/tickets/" + id + "/comments", "{\"comment\": \"On my way\", \"user\": " + AGENT + "}");
        run(Instant.parse(ticket.get("createdOn").asText()).plus(Duration.ofMinutes(5)));

        JsonNode read = item("GET", "/tickets/" + id, null);
        assertThat(read.get("firstResponseOn").isTextual()).isTrue();
        assertThat(read.get("isFrtEscalated").asBoolean()).isFalse();
        assertThat(ids(list("/tickets?isFrtEscalated=true&limit=100"))).doesNotContain(id);
    }

    @Test
    void aTicketLeftIdle_isReassignedToTheIdleOwner_andFoundByAssignee() throws Exception {
        JsonNode ticket = create("Low");
        String id = ticket.get("id").asText();

        run(Instant.parse(ticket.get("createdOn").asText()).plus(Duration.ofDays(3)).plusSeconds(60));

        JsonNode read = item("GET", "/tickets/" + id, null);
        assertThat(read.at("/assignee/email").asText()).isEqualTo(IDLE_OWNER);
        JsonNode idle = list("/tickets/" + id + "/activities").get(0);
        assertThat(idle.get("type").asText()).isEqualTo("idle");
        assertThat(idle.at("/changes/0/name").asText()).isEqualTo("assignee");
        assertThat(ids(list("/tickets?assignee=" + URLEncoder.encode(IDLE_OWNER.toLowerCase(),
                StandardCharsets.UTF_8) + "&limit=100"))).contains(id);
    }

    @Test
    void theExport_listsChangesAfterTheTimeGiven_oldestFirst() throws Exception {
        JsonNode ticket = create("Medium");
        Instant before = Instant.parse(ticket.get("createdOn").asText()).minusMillis(1);

        HttpResponse<String> export = send("GET", "/tickets?updatedSince=" + before + "&limit=100", null);

        assertThat(export.statusCode()).isEqualTo(200);
        // The export stops 30 seconds short of the present: a ticket made a moment ago is not in it yet.
        assertThat(ids(Json.parse(export.body()).get("items"))).doesNotContain(ticket.get("id").asText());
        HttpResponse<String> ordered = send("GET", "/tickets?updatedSince=" + before + "&orderBy=title", null);
        assertThat(ordered.statusCode()).isEqualTo(400);
        assertThat(Json.parse(ordered.body()).at("/details/0/field").asText()).isEqualTo("orderBy");
    }

    @Test
    void theRunEndpoint_refusesAnUnreadableTime_namingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/sandbox/automation/run?at=tomorrow", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"at\"");
    }

    private JsonNode create(String priority) throws Exception {
        return item("POST", "/tickets", "{\"ticket\": {\"title\": \"Printer jammed\", \"priority\": \"" + priority
                + "\", \"requestor\": " + REQUESTOR + "}, \"user\": " + REQUESTOR + "}");
    }

    private JsonNode run(Instant at) throws Exception {
        HttpResponse<String> response = send("POST", "/sandbox/automation/run?at=" + at, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private JsonNode list(String pathAndQuery) throws Exception {
        HttpResponse<String> response = send("GET", pathAndQuery, null);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return Json.parse(response.body()).get("items");
    }

    private JsonNode item(String method, String pathAndQuery, String body) throws Exception {
        return new SandboxClient(sandbox).item(method, pathAndQuery, body);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return new SandboxClient(sandbox).send(method, pathAndQuery, body);
    }
}

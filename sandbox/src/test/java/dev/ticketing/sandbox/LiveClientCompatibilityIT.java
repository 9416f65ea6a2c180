package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests shaped exactly as a real client of the live API sends them, over HTTP against the sandbox, and the fields
 * it reads back. The client is the public joelst/teamswork-ticketing-mcp (C#, built against the live API v1.1.0);
 * each test names the file its shapes come from:
 * <ul>
 *   <li>{@code src/TeamsWork.Ticketing.Mcp/Ticketing/Models/TicketingModels.cs}: request bodies
 *       (InsertTicketRequest, UpdateTicketRequest, UpdateTicketStatusRequest, InsertCommentRequest) and what it
 *       parses (Ticket, Activity, CommentActivity, ListResponse, ErrorResponse);</li>
 *   <li>{@code src/TeamsWork.Ticketing.Mcp/Ticketing/TicketingClient.cs}: routes, the {@code include} and
 *       {@code timezone} parameters, PUT for updates and status.</li>
 * </ul>
 * The reference's own examples run in {@link SandboxContract}, and the attachment uploads (multipart and upload
 * URLs) there too; both must pass.
 */
@ExtendWith(DynamoDbEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveClientCompatibilityIT {

    private static final String ACTOR = "{\"id\": \"6c1f2b1e-0000-4000-8000-000000000001\", \"name\": \"Ana Agent\","
            + " \"email\": \"ana@example.com\"}";

    private Sandbox sandbox;

    @BeforeAll
    void startSandbox(TestTable table) {
        // Under Lambda's runtime client, as the sandbox runs by default (an in-process sandbox is one per JVM).
        sandbox = Sandbox.start(Options.defaults().withPort(0).withDynamoDbEndpoint(table.endpoint())
                .withTableName(table.tableName()).withRuntime(Options.FunctionRuntime.LAMBDA));
    }

    @AfterAll
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** ErrorResponse(error: bool?, message, statusCode): our error body must parse as that. */
    @Test
    void errors_readAsTheLiveErrorResponse() throws Exception {
        HttpResponse<String> missing = send("GET", "/tickets/00000000-0000-4000-8000-00000000abcd?timezone=0", null);

        JsonNode error = Json.parse(missing.body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error.get("error").isBoolean()).isTrue();
        assertThat(error.get("error").booleanValue()).isTrue();
        assertThat(error.get("statusCode").asInt()).isEqualTo(404);
        assertThat(error.get("message").asText()).contains("does not exist");
    }

    /**
     * CreateTicketAsync: POST tickets?include=description_HTML&amp;timezone=N with {"ticket": TicketWrite, "user"},
     * where TicketWrite carries description_HTML and a plain YYYY-MM-DD expectedDate (the client's own comment says
     * the live API wants it so).
     */
    @Test
    void createTicket_withHtmlAndADateOnlyDueDate_readsBackAsTheLiveApiKeepsIt() throws Exception {
        JsonNode item = createTicket("-5");

        assertThat(item.get("ticketNo").asLong()).isEqualTo(item.get("ticketId").asLong());
        assertThat(item.get("id").asText()).hasSize(36);
        assertThat(item.get("description").asText()).isEqualTo("Printer on floor 2 is jammed");
        assertThat(item.get("description_HTML").asText()).isEqualTo("<p>Printer on <b>floor 2</b> is jammed</p>");
        // Midnight in the offset of whoever set it, shown in the reader's offset.
        assertThat(item.get("expectedDate").asText()).isEqualTo("2026-12-24T00:00:00-05:00");
        assertThat(item.get("isFrtBreached").isBoolean()).isTrue();
        assertThat(item.get("isRtBreached").isBoolean()).isTrue();
        assertThat(item.at("/workflow/0/id").asText()).isEqualTo("Open");
        assertThat(item.at("/workflow/0/nextSteps")).extracting(step -> step.get("transitionLabel").asText())
                .contains("In Progress", "Resolved", "Closed");
        assertThat(item.get("resolvedStatus")).extracting(JsonNode::asText).containsExactly("Resolved", "Closed");

        JsonNode read = item("GET", "/tickets/" + item.get("id").asText() + "?timezone=-5", null);
        assertThat(read.has("description_HTML")).as("only with include=description_HTML").isFalse();
    }

    /** UpdateTicketAsync: PUT tickets/{uuid} with {"ticket": TicketWrite, "user"}, not the reference's updates. */
    @Test
    void updateTicket_withTheTicketEnvelope_changesTheTicket() throws Exception {
        JsonNode created = createTicket("0");

        JsonNode updated = item("PUT", "/tickets/" + created.get("id").asText()
                + "?include=description_HTML&timezone=0", "{\"ticket\": {\"title\": \"Printer fixed?\","
                + " \"priority\": \"Urgent\", \"description_HTML\": \"<p>Still <i>jammed</i></p>\"}, \"user\": "
                + ACTOR + "}");

        assertThat(updated.get("title").asText()).isEqualTo("Printer fixed?");
        assertThat(updated.get("priority").asText()).isEqualTo("Urgent");
        assertThat(updated.get("description").asText()).isEqualTo("Still jammed");
        assertThat(updated.get("description_HTML").asText()).isEqualTo("<p>Still <i>jammed</i></p>");
        assertThat(updated.at("/lastUpdatedBy/email").asText()).isEqualTo("ana@example.com");
    }

    /** UpdateTicketStatusAsync: PUT tickets/{uuid}/status with the live label and explicit nulls. */
    @Test
    void statusInProgress_isAccepted_asStarted() throws Exception {
        JsonNode created = createTicket("0");

        JsonNode moved = item("PUT", "/tickets/" + created.get("id").asText() + "/status?timezone=0",
                "{\"status\": \"In Progress\", \"resolution\": null, \"comment\": null, \"user\": " + ACTOR + "}");

        assertThat(moved.get("status").asText()).isEqualTo("Started");
        assertThat(moved.at("/workflow/0/label").asText()).isEqualTo("In Progress");
    }

    /**
     * AddCommentAsync: POST tickets/{uuid}/activities?include=comment_HTML with InsertCommentRequest (comment,
     * comment_HTML, isPrivate, user; no timezone), read as CommentActivity; then ListActivitiesAsync reads Activity
     * items, whose ticketId is a string.
     */
    @Test
    void comment_withHtmlAndPrivacy_andTheActivityList_parseAsTheLiveShapes() throws Exception {
        JsonNode ticket = createTicket("0");
        String path = "/tickets/" + ticket.get("id").asText() + "/activities";

        JsonNode comment = item("POST", path + "?include=comment_HTML", "{\"comment\": null, \"comment_HTML\":"
                + " \"<p>Reset the <b>tray</b></p>\", \"isPrivate\": true, \"user\": " + ACTOR + "}");
        HttpResponse<String> listed = send("GET", path + "?include=comment_HTML&limit=50", null);

        assertThat(comment.get("activityId").asText()).isNotBlank();
        assertThat(comment.get("ticketId").asText()).isEqualTo(ticket.get("id").asText());
        assertThat(comment.get("ticketNo").asLong()).isEqualTo(ticket.get("ticketNo").asLong());
        assertThat(comment.get("comment").asText()).isEqualTo("Reset the tray");
        assertThat(comment.get("comment_HTML").asText()).isEqualTo("<p>Reset the <b>tray</b></p>");
        assertThat(comment.at("/user/email").asText()).isEqualTo("ana@example.com");
        JsonNode items = Json.parse(listed.body()).get("items");
        assertThat(listed.statusCode()).isEqualTo(200);
        // Newest first, as the live API lists activities.
        assertThat(items.get(0).get("id").asText()).isEqualTo(comment.get("activityId").asText());
        assertThat(items.get(0).get("isPrivate").asBoolean()).isTrue();
        assertThat(items.get(0).get("ticketId").isTextual()).isTrue();
        assertThat(items.get(0).at("/createdBy/name").asText()).isEqualTo("Ana Agent");
        assertThat(items.get(0).get("createdDateTime").asText()).isNotBlank();
        assertThat(items.get(items.size() - 1).get("type").asText()).isEqualTo("created");
    }

    /**
     * ListTicketsAsync: GET tickets with isResolved, statusId, the date filters and timezone, reading itemCount; the
     * "my open tickets" call of Tools/WorkloadTools.cs must not list resolved tickets.
     */
    @Test
    void listFilters_asTheLiveClientSendsThem_selectAndCount() throws Exception {
        JsonNode open = createTicket("0");
        JsonNode resolved = createTicket("0");
        item("PUT", "/tickets/" + resolved.get("id").asText() + "/status?timezone=0",
                "{\"status\": \"Resolved\", \"resolution\": \"fixed\", \"comment\": null, \"user\": " + ACTOR + "}");

        JsonNode unresolved = Json.parse(send("GET", "/tickets?isResolved=false&limit=1000&timezone=0"
                + "&createdAfter=2000-01-01&createdBefore=2999-01-01", null).body());
        JsonNode inProgressOrResolved = Json.parse(send("GET", "/tickets?statusId=Resolved&timezone=0", null).body());

        assertThat(unresolved.get("items")).extracting(t -> t.get("id").asText())
                .contains(open.get("id").asText()).doesNotContain(resolved.get("id").asText());
        assertThat(unresolved.get("itemCount").asInt()).isEqualTo(unresolved.get("items").size());
        assertThat(inProgressOrResolved.get("items")).extracting(t -> t.get("status").asText())
                .containsOnly("Resolved");
    }

    /** GetInstanceAsync (Tools/InstanceLookup.cs): displayName, people as {id, name, email}, fields' title and type. */
    @Test
    void instance_readsAsTheLiveInstance() throws Exception {
        JsonNode instance = item("GET", "/instance?timezone=0", null);

        assertThat(instance.get("displayName").asText()).isEqualTo(instance.get("name").asText());
        assertThat(instance.at("/assignees/peoples/0/name").isTextual()).isTrue();
        assertThat(instance.at("/customFields/0/title").isTextual()).isTrue();
        assertThat(instance.at("/customFields/0/type/key").asText()).matches("[1-8]_[a-z]+");
        assertThat(instance.at("/sla").isObject()).isTrue();
    }

    /**
     * AddLinkAttachmentsAsync, ListTicketAttachmentsAsync and ListActivityAttachmentsAsync: links posted with
     * InsertAttachmentLinkRequest (comment null, comment_HTML, attachments, isPrivate, user), read back as
     * CommentActivity, then as Attachment lists of the ticket and of the activity.
     */
    @Test
    void linkAttachments_postedAndListed_asTheLiveClientDoes() throws Exception {
        JsonNode ticket = createTicket("0");
        String id = ticket.get("id").asText();

        JsonNode posted = item("POST", "/tickets/" + id + "/attachments?include=comment_HTML&timezone=0",
                "{\"comment\": null, \"comment_HTML\": \"<p>The <b>manual</b></p>\", \"attachments\": [{\"src\":"
                        + " \"https://contoso.sharepoint.com/manual.pdf\", \"caption\": \"Manual\"}],"
                        + " \"isPrivate\": false, \"user\": " + ACTOR + "}");
        JsonNode ofTicket = Json.parse(send("GET", "/tickets/" + id + "/attachments?timezone=0", null).body());
        JsonNode ofActivity = Json.parse(send("GET", "/tickets/activity/" + posted.get("activityId").asText()
                + "/attachments?timezone=0", null).body());

        assertThat(posted.get("ticketId").asText()).isEqualTo(id);
        assertThat(posted.get("comment").asText()).isEqualTo("The manual");
        assertThat(posted.at("/attachments/0/src").asText()).isEqualTo("https://contoso.sharepoint.com/manual.pdf");
        assertThat(ofTicket.at("/items/0/caption").asText()).isEqualTo("Manual");
        assertThat(ofTicket.at("/items/0/isHyperlink").asBoolean()).isTrue();
        assertThat(ofTicket.at("/items/0/createdBy").isTextual()).isTrue();
        assertThat(ofActivity.get("items")).hasSize(1);
    }

    private JsonNode createTicket(String timezone) throws Exception {
        HttpResponse<String> created = send("POST", "/tickets?include=description_HTML&timezone=" + timezone,
                "{\"ticket\": {\"title\": \"Printer jammed\", \"requestor\": " + ACTOR + ", \"description_HTML\":"
                        + " \"<p>Printer on <b>floor 2</b> is jammed<script>x()</script></p>\", \"priority\":"
                        + " \"Medium\", \"expectedDate\": \"2026-12-24\"}, \"user\": " + ACTOR + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("item");
    }

    private JsonNode item(String method, String pathAndQuery, String body) throws Exception {
        return new SandboxClient(sandbox).item(method, pathAndQuery, body);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return new SandboxClient(sandbox).send(method, pathAndQuery, body);
    }
}

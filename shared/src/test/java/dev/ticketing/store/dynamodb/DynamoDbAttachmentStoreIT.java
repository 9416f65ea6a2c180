package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.store.Page;
import dev.ticketing.store.AttachmentRecord;
import dev.ticketing.store.AttachmentStore;
import dev.ticketing.store.PendingUpload;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.UploadNotPendingException;
import dev.ticketing.store.VersionConflictException;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbAttachmentStoreIT {

    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final Instant ATTACHED = Instant.parse("2026-11-28T11:00:00.456Z");
    private static final User JASON = new User("053660b7", "Jason Doe", "jason.doe@example.com");

    private static TicketStore tickets;
    private static AttachmentStore store;
    private static DynamoDbClient client;
    private static String tableName;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        tickets = deps.ticketStore();
        store = deps.attachmentStore();
        client = table.client();
        tableName = table.tableName();
    }

    @Test
    void record_writesTheTicketActivityAliasAndAttachments_withExactlyTheDocumentedAttributes() {
        Ticket ticket = newTicket("inst-pinned", 7);
        Activity activity = activity(ticket, "act-1", ATTACHED);
        Attachment link = Attachment.link(activity, 0, "att-link", "https://example.com/spec", "Spec", true);
        Attachment file = Attachment.file(activity, 1, "att-file", "shot.png", "image/png", 1234, true);

        store.record(new AttachmentRecord(next(ticket), 1, activity, List.of(link, file), null));

        assertThat(tickets.findByNumber("inst-pinned", 7).orElseThrow().version()).isEqualTo(2);
        String pk = "INSTANCE#inst-pinned#TICKET#0000000007";
        assertThat(StoredItems.summary(client, tableName, pk,
                "ATTACHMENT#2026-11-28T11:00:00.456Z#act-1#01")).isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("PK", "S:" + pk),
                        Map.entry("SK", "S:ATTACHMENT#2026-11-28T11:00:00.456Z#act-1#01"),
                        Map.entry("type", "S:attachment"),
                        Map.entry("instanceId", "S:inst-pinned"),
                        Map.entry("ticketId", "N:7"),
                        Map.entry("id", "S:att-file"),
                        Map.entry("activityId", "S:act-1"),
                        Map.entry("position", "N:1"),
                        Map.entry("kind", "S:file"),
                        Map.entry("fileName", "S:shot.png"),
                        Map.entry("contentType", "S:image/png"),
                        Map.entry("size", "N:1234"),
                        Map.entry("isPrivate", "BOOL:true"),
                        Map.entry("user", "M:{email=S:jason.doe@example.com, id=S:053660b7, name=S:Jason Doe}"),
                        Map.entry("createdOn", "S:2026-11-28T11:00:00.456Z"))));
        assertThat(StoredItems.summary(client, tableName, pk, "ATTACHMENT#2026-11-28T11:00:00.456Z#act-1#00"))
                .containsEntry("kind", "S:link").containsEntry("src", "S:https://example.com/spec")
                .containsEntry("caption", "S:Spec").doesNotContainKeys("fileName", "contentType", "size");
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-pinned#ACTIVITYID#act-1", "ACTIVITYID"))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("PK", "S:INSTANCE#inst-pinned#ACTIVITYID#act-1"),
                        Map.entry("SK", "S:ACTIVITYID"),
                        Map.entry("type", "S:activityIdAlias"),
                        Map.entry("instanceId", "S:inst-pinned"),
                        Map.entry("ticketId", "N:7"),
                        Map.entry("activityId", "S:act-1"),
                        Map.entry("createdOn", "S:2026-11-28T11:00:00.456Z"))));
        assertThat(store.activityAttachments("inst-pinned", "act-1")).contains(List.of(link, file));
        assertThat(tickets.activities("inst-pinned", 7, 10, null, true).items()).extracting(Activity::id)
                .containsExactly("created-7", "act-1");
    }

    @Test
    void startUpload_storesThePendingUpload_withItsExpiryAsTheTableTtl() {
        Ticket ticket = newTicket("inst-upload", 3);
        PendingUpload upload = upload(ticket, "up-1");

        store.startUpload(upload);

        assertThat(store.findUpload("inst-upload", 3, "up-1")).contains(upload);
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-upload#TICKET#0000000003", "UPLOAD#up-1"))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("PK", "S:INSTANCE#inst-upload#TICKET#0000000003"),
                        Map.entry("SK", "S:UPLOAD#up-1"),
                        Map.entry("type", "S:upload"),
                        Map.entry("instanceId", "S:inst-upload"),
                        Map.entry("ticketId", "N:3"),
                        Map.entry("id", "S:up-1"),
                        Map.entry("fileName", "S:big.pdf"),
                        Map.entry("contentType", "S:application/pdf"),
                        Map.entry("size", "N:9000000"),
                        Map.entry("comment", "S:The log"),
                        Map.entry("isPrivate", "BOOL:false"),
                        Map.entry("user", "M:{email=S:jason.doe@example.com, id=S:053660b7, name=S:Jason Doe}"),
                        Map.entry("createdOn", "S:2026-11-28T11:00:00.456Z"),
                        Map.entry("expiresAt", "N:" + ATTACHED.plusSeconds(86_400).getEpochSecond()))));
    }

    @Test
    void record_completingAnUpload_marksItCompleted_once() {
        Ticket ticket = newTicket("inst-complete", 1);
        PendingUpload upload = upload(ticket, "up-2");
        store.startUpload(upload);
        Activity first = activity(ticket, "act-first", ATTACHED);

        store.record(new AttachmentRecord(next(ticket), 1, first, List.of(Attachment.file(first, 0, "up-2",
                "big.pdf", "application/pdf", 9_000_000, false)), upload));

        assertThat(store.findUpload("inst-complete", 1, "up-2").orElseThrow().completedActivityId())
                .isEqualTo("act-first");
        Ticket current = tickets.findByNumber("inst-complete", 1).orElseThrow();
        Activity second = activity(ticket, "act-second", ATTACHED.plusSeconds(1));
        assertThatThrownBy(() -> store.record(new AttachmentRecord(next(current), current.version(), second,
                List.of(Attachment.file(second, 0, "up-2", "big.pdf", "application/pdf", 9_000_000, false)), upload)))
                .isInstanceOf(UploadNotPendingException.class);
        assertThat(store.activityAttachments("inst-complete", "act-second")).isEmpty();
        assertThat(tickets.findByNumber("inst-complete", 1).orElseThrow().version()).isEqualTo(current.version());
    }

    @Test
    void record_ofAStaleVersion_writesNothing() {
        Ticket ticket = newTicket("inst-stale", 1);
        Activity activity = activity(ticket, "act-stale", ATTACHED);

        assertThatThrownBy(() -> store.record(new AttachmentRecord(next(ticket), 5, activity,
                List.of(Attachment.link(activity, 0, "l1", "https://example.com", null, false)), null)))
                .isInstanceOf(VersionConflictException.class);

        assertThat(store.activityAttachments("inst-stale", "act-stale")).isEmpty();
        assertThat(store.attachments("inst-stale", 1, 10, null).items()).isEmpty();
        assertThat(tickets.activities("inst-stale", 1, 10, null, true).items()).hasSize(1);
    }

    @Test
    void attachments_pageOldestFirst_withATokenOnlyThisInstanceAndTicketMayUse() {
        Ticket ticket = newTicket("inst-pages", 1);
        newTicket("inst-other", 1);
        List<String> ids = new ArrayList<>();
        Ticket current = ticket;
        for (int i = 0; i < 3; i++) {
            Activity activity = activity(current, "act-" + i, ATTACHED.plusSeconds(i));
            List<Attachment> links = List.of(Attachment.link(activity, 0, "a" + i + "-0", "https://example.com/0",
                    null, false), Attachment.link(activity, 1, "a" + i + "-1", "https://example.com/1", null, false));
            store.record(new AttachmentRecord(next(current), current.version(), activity, links, null));
            links.forEach(l -> ids.add(l.id()));
            current = tickets.findByNumber("inst-pages", 1).orElseThrow();
        }

        Page<Attachment> first = store.attachments("inst-pages", 1, 4, null);
        String token = first.continuationToken().orElseThrow();
        Page<Attachment> second = store.attachments("inst-pages", 1, 4, token);

        assertThat(first.items()).extracting(Attachment::id).containsExactlyElementsOf(ids.subList(0, 4));
        assertThat(second.items()).extracting(Attachment::id).containsExactlyElementsOf(ids.subList(4, 6));
        assertThat(second.continuationToken()).isEmpty();
        assertThat(store.attachments("inst-other", 1, 4, null).items()).isEmpty();
        assertThatThrownBy(() -> store.attachments("inst-other", 1, 4, token))
                .isInstanceOf(InvalidPageRequestException.class);
        assertThat(store.activityAttachments("inst-other", "act-0")).isEmpty();
        assertThat(store.findUpload("inst-other", 1, "a0-0")).isEmpty();
    }

    private static Ticket newTicket(String instanceId, long number) {
        Ticket ticket = Ticket.builder().instanceId(instanceId).id("uuid-" + instanceId + "-" + number)
                .ticketId(number).title("Printer on fire").description("Third floor").status(Status.Open)
                .priority(Priority.Urgent).requestor(JASON).createdOn(CREATED).createdBy(JASON)
                .lastUpdatedOn(CREATED).lastUpdatedBy(JASON).lastInteraction(CREATED).version(1).build();
        tickets.create(ticket, new Activity(instanceId, number, ticket.id(), "created-" + number,
                ActivityType.created, JASON, CREATED, Json.object().put("status", "Open")));
        return ticket;
    }

    /** The ticket's next version, as a comment leaves it. */
    private static Ticket next(Ticket t) {
        return t.toBuilder().lastInteraction(ATTACHED).version(t.version() + 1).build();
    }

    private static Activity activity(Ticket ticket, String id, Instant at) {
        ObjectNode details = Json.object().put("comment", "See attached");
        return new Activity(ticket.instanceId(), ticket.ticketId(), ticket.id(), id, ActivityType.comment, JASON, at,
                details);
    }

    private static PendingUpload upload(Ticket ticket, String id) {
        return new PendingUpload(ticket.instanceId(), ticket.ticketId(), id, "big.pdf", "application/pdf", 9_000_000,
                "The log", false, JASON, ATTACHED, ATTACHED.plusSeconds(86_400).truncatedTo(ChronoUnit.SECONDS), null);
    }
}

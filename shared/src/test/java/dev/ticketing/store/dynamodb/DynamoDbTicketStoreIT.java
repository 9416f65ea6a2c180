package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.store.AlreadyExistsException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import dev.ticketing.store.Page;
import dev.ticketing.store.RoundRobinTurn;
import dev.ticketing.store.RoundRobinTurnTakenException;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.TagCategoryChangedException;
import dev.ticketing.store.TicketChange;
import dev.ticketing.store.TicketCreation;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbTicketStoreIT {

    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final User JASON = new User("053660b7", "Jason Doe", "jason.doe@example.com");

    private static DynamoDbTicketStore store;
    private static InstanceStore instances;
    private static DynamoDbClient client;
    private static String tableName;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        store = (DynamoDbTicketStore) deps.ticketStore();
        instances = deps.instanceStore();
        client = table.client();
        tableName = table.tableName();
    }

    @Test
    void storedTicket_hasExactlyTheDocumentedAttributes() {
        Ticket ticket = ticket("inst-pinned", 7, "b8f5a0c2-6a3e-4c1b-9a0f-1d2e3f4a5b6c");
        store.create(ticket, created(ticket));

        Map<String, String> summary = StoredItems.summary(client, tableName, "INSTANCE#inst-pinned#TICKET#0000000007",
                "TICKET");
        assertThat(summary).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("PK", "S:INSTANCE#inst-pinned#TICKET#0000000007"),
                Map.entry("SK", "S:TICKET"),
                Map.entry("type", "S:ticket"),
                Map.entry("instanceId", "S:inst-pinned"),
                Map.entry("id", "S:b8f5a0c2-6a3e-4c1b-9a0f-1d2e3f4a5b6c"),
                Map.entry("ticketId", "N:7"),
                Map.entry("title", "S:Printer on fire"),
                Map.entry("description", "S:Third floor"),
                Map.entry("status", "S:Open"),
                Map.entry("priority", "S:Urgent"),
                Map.entry("requestor", "M:{email=S:jason.doe@example.com, id=S:053660b7, name=S:Jason Doe}"),
                Map.entry("customFields", "M:{field-1=S:value}"),
                Map.entry("tags", "L:[M:{tagCategoryId=S:cat-1, text=S:Hardware}]"),
                Map.entry("tagKeys", "SS:[cat-1_hardware]"),
                Map.entry("createdOn", "S:2026-11-28T10:15:30.123Z"),
                Map.entry("createdBy", "M:{email=S:jason.doe@example.com, id=S:053660b7, name=S:Jason Doe}"),
                Map.entry("lastUpdatedOn", "S:2026-11-28T10:15:30.123Z"),
                Map.entry("lastUpdatedBy", "M:{email=S:jason.doe@example.com, id=S:053660b7, name=S:Jason Doe}"),
                Map.entry("lastInteraction", "S:2026-11-28T10:15:30.123Z"),
                Map.entry("isFrtEscalated", "BOOL:false"),
                Map.entry("isRtEscalated", "BOOL:false"),
                Map.entry("version", "N:1"),
                Map.entry("titleLower", "S:printer on fire"),
                Map.entry("searchText", "S:7\nprinter on fire\nthird floor\njason doe\njason.doe@example.com"),
                Map.entry("listPk", "S:INSTANCE#inst-pinned#TICKETS"),
                Map.entry("statusPk", "S:INSTANCE#inst-pinned#TICKETS#STATUS#Open"),
                Map.entry("priorityPk", "S:INSTANCE#inst-pinned#TICKETS#PRIORITY#Urgent"),
                Map.entry("oStatus", "S:1\u00010000000007"),
                Map.entry("oTicketId", "S:0000000007"),
                Map.entry("oTitle", "S:1printer on fire\u00010000000007"),
                Map.entry("oRequestorName", "S:1jason doe\u00010000000007"),
                Map.entry("oRequestorEmail", "S:1jason.doe@example.com\u00010000000007"),
                Map.entry("oAssigneeName", "S:2\u00010000000007"),
                Map.entry("oAssigneeEmail", "S:2\u00010000000007"),
                Map.entry("oExpectedDate", "S:2\u00010000000007"),
                Map.entry("oPriority", "S:4\u00010000000007"),
                Map.entry("oCreatedDateTime", "S:2026-11-28T10:15:30.123Z\u00010000000007"),
                Map.entry("oLastInteraction", "S:2026-11-28T10:15:30.123Z\u00010000000007"),
                Map.entry("oLastUpdatedOn", "S:2026-11-28T10:15:30.123Z\u00010000000007"))));
    }

    @Test
    void storedTicket_withTargetsAndAFlag_carriesTheSparseIndexKeys_ofItsEarliestRunningTimer() {
        Instant frtDue = CREATED.plusSeconds(3600);
        Ticket ticket = ticket("inst-timed", 12, "0f5a0c2b-6a3e-4c1b-9a0f-1d2e3f4a5b6c").toBuilder()
                .isFrtEscalated(true).frtDueOn(frtDue).rtDueOn(CREATED.plusSeconds(7200))
                .idleDueOn(CREATED.plusSeconds(172_800)).build();
        store.create(ticket, created(ticket));

        Map<String, String> summary = StoredItems.summary(client, tableName, "INSTANCE#inst-timed#TICKET#0000000012",
                "TICKET");
        assertThat(summary).containsEntry("frtDueOn", "S:2026-11-28T11:15:30.123Z")
                .containsEntry("rtDueOn", "S:2026-11-28T12:15:30.123Z")
                .containsEntry("idleDueOn", "S:2026-11-30T10:15:30.123Z")
                .containsEntry("escalationPk", "S:INSTANCE#inst-timed#TICKETS#ESCALATED#FRT")
                .containsEntry("dueShard", "S:DUE#2")
                // The first-response target is escalated already: the resolution target is the next to fire.
                .containsEntry("dueAt", "S:2026-11-28T12:15:30.123Z#inst-timed#0000000012");
    }

    @Test
    void storedTicket_withoutFlagsOrTimers_isInNeitherSparseIndex() {
        Ticket ticket = ticket("inst-quiet", 3, "1f5a0c2b-6a3e-4c1b-9a0f-1d2e3f4a5b6c").toBuilder()
                .isFrtEscalated(false).frtDueOn(null).build();
        store.create(ticket, created(ticket));

        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-quiet#TICKET#0000000003", "TICKET"))
                .doesNotContainKeys("escalationPk", "dueShard", "dueAt", "frtDueOn", "rtDueOn", "idleDueOn");
    }

    @Test
    void ticketCountShard_hasExactlyTheDocumentedAttributes_andMovesATicketBetweenPairsOnChange() {
        Ticket ticket = ticket("inst-counted", 17, "6d2e1f0a-3b4c-4d5e-8f6a-7b8c9d0e1f2a");
        store.create(ticket, created(ticket));

        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-counted", "TICKETCOUNT#7"))
                .isEqualTo(new TreeMap<>(Map.of(
                        "PK", "S:INSTANCE#inst-counted",
                        "SK", "S:TICKETCOUNT#7",
                        "type", "S:ticketCount",
                        "writes", "N:1",
                        "Open_Urgent", "N:1")));

        Ticket closed = ticket.toBuilder().status(Status.Closed).priority(Priority.Low).version(2).build();
        store.change(new TicketChange(ticket, closed, new Activity("inst-counted", 17, ticket.id(), "a-17-2",
                ActivityType.statusChange, JASON, CREATED.plusSeconds(1), Json.object())));

        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-counted", "TICKETCOUNT#7"))
                .containsEntry("writes", "N:2").containsEntry("Open_Urgent", "N:0").containsEntry("Closed_Low", "N:1");
    }

    @Test
    void roundRobinTurn_hasExactlyTheDocumentedAttributes_andAStaleTurnWritesNothing() {
        Ticket first = ticket("inst-turns", 1, "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(store.roundRobinTurn("inst-turns", "rule-1")).isZero();
        store.create(new TicketCreation(first, created(first), null, List.of(), null, new RoundRobinTurn("rule-1", 0)));

        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-turns", "ROUNDROBIN#rule-1"))
                .isEqualTo(new TreeMap<>(Map.of(
                        "PK", "S:INSTANCE#inst-turns",
                        "SK", "S:ROUNDROBIN#rule-1",
                        "type", "S:roundRobinTurn",
                        "turn", "N:1")));
        assertThat(store.roundRobinTurn("inst-turns", "rule-1")).isEqualTo(1);

        // Turn 0 was taken by ticket 1: a ticket that read it too is refused whole, and may take turn 1.
        Ticket second = ticket("inst-turns", 2, "8b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e");
        assertThatThrownBy(() -> store.create(new TicketCreation(second, created(second), null, List.of(), null,
                new RoundRobinTurn("rule-1", 0)))).isInstanceOf(RoundRobinTurnTakenException.class);
        assertThat(store.findByNumber("inst-turns", 2)).isEmpty();
        store.create(new TicketCreation(second, created(second), null, List.of(), null,
                new RoundRobinTurn("rule-1", 1)));
        assertThat(store.roundRobinTurn("inst-turns", "rule-1")).isEqualTo(2);
    }

    @Test
    void create_thenFindByNumberAndById_returnTheSameTicket() {
        Ticket ticket = ticket("inst-find", 1, "0e7c6a1b-2d3f-4a5b-8c9d-0e1f2a3b4c5d");
        store.create(ticket, created(ticket));

        assertThat(store.findByNumber("inst-find", 1)).contains(ticket);
        assertThat(store.findById("inst-find", ticket.id())).contains(ticket);
        assertThat(store.findByNumber("inst-other", 1)).isEmpty();
        assertThat(store.findById("inst-other", ticket.id())).isEmpty();
    }

    @Test
    void create_writesNothing_whenAnyPartOfTheTransactionFails() {
        Ticket first = ticket("inst-atomic", 1, "11111111-2222-4333-8444-555555555555");
        store.create(first, created(first));
        // Same UUID, new number: the alias put fails its condition, so the ticket and activity must not land.
        Ticket clash = ticket("inst-atomic", 2, first.id());

        assertThatThrownBy(() -> store.create(clash, created(clash))).isInstanceOf(AlreadyExistsException.class);

        assertThat(store.findByNumber("inst-atomic", 2)).isEmpty();
        long activitiesOfTicket2 = client.query(r -> r.tableName(tableName)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                        "INSTANCE#inst-atomic#TICKET#0000000002"))))
                .count();
        assertThat(activitiesOfTicket2).isZero();
    }

    @Test
    void create_appendsNewTagTextsToTheirCategory_inTheSameTransaction_andMovesItsVersionOn() {
        instances.updateTagCategory("inst-tags", "cat-1", none -> devices("inst-tags", "cat-1", false));
        Ticket ticket = ticket("inst-tags", 1, "2c1f3e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        store.create(new TicketCreation(ticket, created(ticket), null, List.of(new TicketTag("cat-1", "Hardware"))));

        assertThat(store.findByNumber("inst-tags", 1)).contains(ticket);
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-tags", "TAGCATEGORY#cat-1"))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("PK", "S:INSTANCE#inst-tags"),
                        Map.entry("SK", "S:TAGCATEGORY#cat-1"),
                        Map.entry("type", "S:tagCategory"),
                        Map.entry("instanceId", "S:inst-tags"),
                        Map.entry("id", "S:cat-1"),
                        Map.entry("text", "S:Devices"),
                        Map.entry("color", "S:#123456"),
                        Map.entry("deleted", "BOOL:false"),
                        Map.entry("tags", "L:[M:{deleted=BOOL:false, text=S:Laptop}, "
                                + "M:{deleted=BOOL:true, text=S:Fax}, M:{deleted=BOOL:false, text=S:Hardware}]"),
                        Map.entry("tagTexts", "SS:[fax, hardware, laptop]"),
                        Map.entry("version", "N:2"))));
    }

    @Test
    void create_writesNothing_whenACategoryAlreadyHoldsTheTextInAnyCase_isDeletedOrIsMissing() {
        instances.updateTagCategory("inst-tag-race", "cat-1", none -> devices("inst-tag-race", "cat-1", false));
        instances.updateTagCategory("inst-tag-race", "cat-2", none -> devices("inst-tag-race", "cat-2", true));
        List<TagCategory> before = instances.tagCategories("inst-tag-race");
        List<List<TicketTag>> refused = List.of(
                List.of(new TicketTag("cat-1", "LAPTOP")),
                List.of(new TicketTag("cat-1", "FAX")),
                List.of(new TicketTag("cat-1", "Hardware"), new TicketTag("cat-2", "Hardware")),
                List.of(new TicketTag("cat-1", "Hardware"), new TicketTag("cat-3", "Hardware")));

        for (List<TicketTag> newTags : refused) {
            Ticket ticket = ticket("inst-tag-race", 1, "3d2e1f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a");
            assertThatThrownBy(() -> store.create(new TicketCreation(ticket, created(ticket), null, newTags)))
                    .as("adding %s", newTags).isInstanceOf(TagCategoryChangedException.class);
        }

        assertThat(store.findByNumber("inst-tag-race", 1)).isEmpty();
        assertThat(instances.tagCategories("inst-tag-race")).isEqualTo(before);
        assertThat(StoredItems.summary(client, tableName, "INSTANCE#inst-tag-race", "TAGCATEGORY#cat-3")).isEmpty();
    }

    @Test
    void nextTicketNumber_countsFromOnePerInstance() {
        assertThat(store.nextTicketNumber("inst-counter-a")).isEqualTo(1);
        assertThat(store.nextTicketNumber("inst-counter-a")).isEqualTo(2);
        assertThat(store.nextTicketNumber("inst-counter-b")).isEqualTo(1);
    }

    @Test
    void activities_pastA1MBQueryPage_continueWithAToken_andLoseNothing() {
        Ticket ticket = ticket("inst-long-history", 1, "7a1d3c5e-2b4f-4a6c-8e0d-1f3a5c7e9b2d");
        store.create(ticket, created(ticket));
        // Five comments of 300,000 characters: DynamoDB ends a Query page after three of them (1 MB read).
        for (int i = 1; i <= 5; i++) {
            Activity comment = new Activity("inst-long-history", 1, null, "comment-" + i, ActivityType.comment, JASON,
                    CREATED.plusSeconds(i), Json.object().put("comment", Integer.toString(i).repeat(300_000)));
            client.putItem(r -> r.tableName(tableName)
                    .item(ActivityItem.SCHEMA.itemToMap(ActivityItem.from(comment), true)));
        }

        List<String> read = new java.util.ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            Page<Activity> page = store.activities("inst-long-history", 1, 50, token, true);
            page.items().forEach(activity -> read.add(activity.id()));
            token = page.continuationToken().orElse(null);
            pages++;
        } while (token != null && pages < 10);

        assertThat(read).containsExactly("act-1", "comment-1", "comment-2", "comment-3", "comment-4", "comment-5");
        assertThat(pages).isGreaterThan(1);
    }

    private static Ticket ticket(String instanceId, long number, String id) {
        ObjectNode fields = Json.object().put("field-1", "value");
        return new Ticket(instanceId, id, number, "Printer on fire", "Third floor", null, Status.Open, Priority.Urgent,
                JASON, null, null, fields, List.of(new TicketTag("cat-1", "Hardware")), null, null, null, null, null,
                CREATED, JASON, CREATED, JASON, CREATED, false, false, null, null, null, 1);
    }

    private static TagCategory devices(String instanceId, String id, boolean deleted) {
        return new TagCategory(id, instanceId, "Devices", "#123456", List.of(new Tag("Laptop", false),
                new Tag("Fax", true)), deleted);
    }

    private static Activity created(Ticket t) {
        return new Activity(t.instanceId(), t.ticketId(), t.id(), "act-" + t.ticketId(), ActivityType.created, JASON,
                CREATED, Json.object().put("status", "Open"));
    }
}

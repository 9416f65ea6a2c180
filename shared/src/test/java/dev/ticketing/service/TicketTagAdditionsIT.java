package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Tag;
import dev.ticketing.model.TagCategory;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.testing.FailTransactions;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testing.TagCategoriesReadHook;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Clock;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ticket's tag text new to its category joins the category in the ticket's own transaction. */
@ExtendWith(DynamoDbEngine.class)
class TicketTagAdditionsIT {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final int WRITERS = 10;

    private static TestTable table;
    private static Dependencies deps;
    private static TicketService tickets;
    private static TicketLifecycleService lifecycle;
    private static InstanceAdminService admin;
    private static ExecutorService pool;

    @BeforeAll
    static void setUp(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(testTable);
        tickets = deps.ticketService();
        lifecycle = deps.ticketLifecycleService();
        admin = new InstanceAdminService(deps.instanceStore());
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void create_withANewTagText_addsItToTheCategoryOnce_andGetTagsShowsIt() {
        String instanceId = newInstance();

        Ticket first = tickets.create(instanceId, withTags("Printer"));
        Ticket second = tickets.create(instanceId, withTags("Printer"));

        assertThat(first.tags()).containsExactly(new TicketTag(TOPIC, "Printer"));
        assertThat(second.tags()).containsExactly(new TicketTag(TOPIC, "Printer"));
        assertThat(topic(instanceId).tags()).containsExactly(new Tag("sdsad", false), new Tag("my tag", false),
                new Tag("legacy", true), new Tag("Printer", false));
    }

    @Test
    void create_withAKnownTextInAnotherCase_addsNoTag_andTheTicketKeepsTheCategorysSpelling() {
        String instanceId = newInstance();
        tickets.create(instanceId, withTags("Printer"));

        Ticket ticket = tickets.create(instanceId, withTags("PRINTER", "My Tag"));

        assertThat(ticket.tags()).containsExactly(new TicketTag(TOPIC, "Printer"), new TicketTag(TOPIC, "my tag"));
        assertThat(tickets.get(instanceId, ticket.id()).tags()).isEqualTo(ticket.tags());
        assertThat(topic(instanceId).tags()).extracting(Tag::text)
                .containsExactly("sdsad", "my tag", "legacy", "Printer");
    }

    @Test
    void create_withTwoSpellingsOfOneNewText_addsTheFirstSpellingOnce() {
        String instanceId = newInstance();

        Ticket ticket = tickets.create(instanceId, withTags("Wi-Fi", "WI-FI"));

        assertThat(ticket.tags()).containsExactly(new TicketTag(TOPIC, "Wi-Fi"));
        assertThat(topic(instanceId).tags()).extracting(Tag::text)
                .containsExactly("sdsad", "my tag", "legacy", "Wi-Fi");
    }

    @Test
    void createWithIdempotencyKey_addsTheNewTextOnce_andARepeatGetsTheFirstResponse() {
        String instanceId = newInstance();
        String key = java.util.UUID.randomUUID().toString();

        Idempotency.Response first = tickets.create(instanceId, withTags("Toner"), Optional.of(key),
                t -> Fixtures.created(t.id()));
        Idempotency.Response repeat = tickets.create(instanceId, withTags("Toner"), Optional.of(key),
                t -> Fixtures.created(t.id()));

        assertThat(repeat).isEqualTo(first);
        assertThat(tickets.get(instanceId, first.body()).tags()).containsExactly(new TicketTag(TOPIC, "Toner"));
        assertThat(topic(instanceId).tags()).extracting(Tag::text)
                .containsExactly("sdsad", "my tag", "legacy", "Toner");
    }

    @Test
    void update_withANewTagText_addsItToTheCategory() {
        String instanceId = newInstance();
        Ticket ticket = tickets.create(instanceId, withTags("sdsad"));

        Ticket updated = lifecycle.update(instanceId, ticket.id(), tagUpdate("sdsad", "Scanner"), OptionalLong.empty());

        assertThat(updated.tags()).containsExactly(new TicketTag(TOPIC, "sdsad"), new TicketTag(TOPIC, "Scanner"));
        assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(updated);
        assertThat(topic(instanceId).tags()).extracting(Tag::text)
                .containsExactly("sdsad", "my tag", "legacy", "Scanner");
    }

    @Test
    void create_by10ConcurrentRequestsAddingTheSameNewText_addsOneTag_andCreatesEveryTicket() throws Exception {
        String instanceId = newInstance();
        // Every request validates before any commits, so all ten see the text as new and race to add it.
        CountDownLatch allValidated = new CountDownLatch(WRITERS);
        TicketService racing = new TicketService(deps.ticketStore(),
                new TagCategoriesReadHook(deps.instanceStore(), () -> awaitAll(allValidated)), Clock.systemUTC());
        String[] spellings = {"Outage", "outage", "OUTAGE", "OutAge", "oUTAGE"};
        List<Callable<Ticket>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String text = spellings[i % spellings.length];
            creates.add(() -> racing.create(instanceId, withTags(text)));
        }

        List<Ticket> created = new ArrayList<>();
        for (Future<Ticket> done : pool.invokeAll(creates)) {
            created.add(done.get());
        }

        List<Tag> outage = topic(instanceId).tags().stream().filter(t -> t.text().equalsIgnoreCase("outage")).toList();
        assertThat(outage).hasSize(1);
        assertThat(created).allSatisfy(t -> assertThat(t.tags()).containsExactly(new TicketTag(TOPIC,
                outage.get(0).text())));
        // A request that lost the race wrote nothing under its number, so it kept it: no gaps.
        assertThat(created).extracting(Ticket::ticketId)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, WRITERS).boxed().toList());
        for (Ticket ticket : created) {
            assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(ticket);
        }
    }

    @Test
    void aFailedTransaction_writesNeitherTheTicketNorTheNewTag() {
        String instanceId = newInstance();
        Ticket existing = tickets.create(instanceId, withTags("sdsad"));
        Dependencies failing = Fixtures.dependencies(table, new FailTransactions());

        assertThatThrownBy(() -> failing.ticketService().create(instanceId, withTags("Keyboard")))
                .hasMessageContaining("injected");
        assertThatThrownBy(() -> failing.ticketLifecycleService().update(instanceId, existing.id(),
                tagUpdate("Mouse"), OptionalLong.empty())).hasMessageContaining("injected");

        assertThat(topic(instanceId).tags()).extracting(Tag::text).containsExactly("sdsad", "my tag", "legacy");
        assertThatThrownBy(() -> tickets.get(instanceId, Long.toString(existing.ticketId() + 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tickets.get(instanceId, existing.id())).isEqualTo(existing);
    }

    @Test
    void create_answers400NamingTheTag_whenTheCategoryIsDeletedBetweenValidationAndCommit() {
        String instanceId = newInstance();
        TicketService racing = new TicketService(deps.ticketStore(), onFirstRead(
                () -> admin.markTagCategoryDeleted(instanceId, TOPIC, true)), Clock.systemUTC());

        assertThatThrownBy(() -> racing.create(instanceId, withTags("Keyboard")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(d -> d.field() + ": " + d.message())
                        .containsExactly("ticket.tags[0].tagCategoryId: tag category 'Topic' has been deleted"));

        assertThat(topic(instanceId).deleted()).isTrue();
        assertThat(topic(instanceId).tags()).extracting(Tag::text).containsExactly("sdsad", "my tag", "legacy");
        assertThatThrownBy(() -> tickets.get(instanceId, "1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void create_answers400NamingTheTag_whenTheTextIsAddedAndDeletedBetweenValidationAndCommit() {
        String instanceId = newInstance();
        TicketService racing = new TicketService(deps.ticketStore(), onFirstRead(() -> {
            admin.addTag(instanceId, TOPIC, "keyboard");
            admin.markTagDeleted(instanceId, TOPIC, "keyboard", true);
        }), Clock.systemUTC());

        assertThatThrownBy(() -> racing.create(instanceId, withTags("Keyboard")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(d -> d.field() + ": " + d.message())
                        .containsExactly("ticket.tags[0].text: tag 'keyboard' has been deleted from category 'Topic'"));

        assertThat(topic(instanceId).tags()).containsExactly(new Tag("sdsad", false), new Tag("my tag", false),
                new Tag("legacy", true), new Tag("keyboard", true));
        assertThatThrownBy(() -> tickets.get(instanceId, "1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void update_answers400NamingTheTag_whenTheCategoryIsDeletedBetweenValidationAndCommit() {
        String instanceId = newInstance();
        Ticket ticket = tickets.create(instanceId, withTags("sdsad"));
        TicketLifecycleService racing = new TicketLifecycleService(deps.ticketStore(), onFirstRead(
                () -> admin.markTagCategoryDeleted(instanceId, TOPIC, true)), Clock.systemUTC());

        assertThatThrownBy(() -> racing.update(instanceId, ticket.id(), tagUpdate("Keyboard"), OptionalLong.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(d -> d.field() + ": " + d.message())
                        .containsExactly("updates.tags[0].tagCategoryId: tag category 'Topic' has been deleted"));

        assertThat(topic(instanceId).tags()).extracting(Tag::text).containsExactly("sdsad", "my tag", "legacy");
        assertThat(tickets.get(instanceId, ticket.id())).isEqualTo(ticket);
    }

    private static String newInstance() {
        return Fixtures.createDemoInstance(deps).instanceId();
    }

    /** The instance store, with {@code change} run once, right after the first read of the tag categories. */
    private static TagCategoriesReadHook onFirstRead(Runnable change) {
        AtomicBoolean done = new AtomicBoolean();
        return new TagCategoriesReadHook(deps.instanceStore(), () -> {
            if (done.compareAndSet(false, true)) {
                change.run();
            }
        });
    }

    /** Holds each of the first {@code latch.getCount()} callers until all have arrived; later callers pass. */
    private static void awaitAll(CountDownLatch latch) {
        latch.countDown();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every writer reached validation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TagCategory topic(String instanceId) {
        return deps.instanceService().tagCategories(instanceId).stream()
                .filter(c -> c.id().equals(TOPIC)).findFirst().orElseThrow();
    }

    private static ObjectNode withTags(String... texts) {
        ObjectNode body = (ObjectNode) Fixtures.referenceExampleJson("create-ticket-example-1.json");
        var tags = ((ObjectNode) body.get("ticket")).putArray("tags");
        for (String text : texts) {
            tags.addObject().put("tagCategoryId", TOPIC).put("text", text);
        }
        return body;
    }

    private static ObjectNode tagUpdate(String... texts) {
        ObjectNode body = Json.object();
        var tags = body.putObject("updates").putArray("tags");
        for (String text : texts) {
            tags.addObject().put("tagCategoryId", TOPIC).put("text", text);
        }
        body.set("user", Fixtures.referenceExampleJson("update-ticket-example.json").get("user"));
        return body;
    }
}

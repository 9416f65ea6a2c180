package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.json.Json;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.User;
import dev.ticketing.store.Page;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incremental export under concurrent writers: a client that walks {@code GET /tickets?updatedSince=} to the
 * end, keeps the last {@code lastUpdatedOn} it saw and walks again from there, while tickets are updated,
 * commented on and moved through their workflow, reads every ticket's final state and never one state twice.
 */
@ExtendWith(DynamoDbEngine.class)
class IncrementalExportIT {

    private static final int TICKETS = 15;
    private static final int WRITERS = 4;
    private static final Duration WRITING = Duration.ofSeconds(4);
    /** Shorter than the deployed 30 seconds, to keep the test short; still far above a write's time here. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final User AGENT = new User("agent-1", "Ada Agent", "ada@helpdesk.example");

    @Test
    void aClientResumingFromTheLastLastUpdatedOnItSaw_readsEveryTicketsLastState_andNoStateTwice(TestTable table)
            throws Exception {
        Dependencies deps = new Dependencies(Fixtures.testConfig(table), table.newClient());
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        String instanceId = new InstanceAdminService(deps.instanceStore()).create(definition, Optional.empty(), null)
                .instanceId();
        TicketService tickets = deps.ticketService();
        TicketLifecycleService lifecycle = deps.ticketLifecycleService();
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            created.add(tickets.create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json")));
        }
        TicketListService export = new TicketListService(deps.ticketListing(), deps.instanceStore(),
                Clock.systemUTC(), SETTLE);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> write(lifecycle, instanceId, created, writing)));
        }
        Map<Long, List<Long>> seen = new HashMap<>();
        Instant cursor = Instant.parse("2000-01-01T00:00:00Z");
        int walks = 0;
        Instant stop = Instant.now().plus(WRITING);
        while (Instant.now().isBefore(stop)) {
            cursor = walk(export, instanceId, cursor, seen);
            walks++;
        }
        writing.set(false);
        int writes = 0;
        for (Future<Integer> writer : writers) {
            writes += writer.get();
        }
        pool.shutdown();
        // Once the writes have settled, one more walk from the cursor brings the rest: as a reader a little later.
        TicketListService later = new TicketListService(deps.ticketListing(), deps.instanceStore(),
                Clock.offset(Clock.systemUTC(), SETTLE.plusSeconds(1)), SETTLE);
        walk(later, instanceId, cursor, seen);

        assertThat(writes).as("writes during the walks").isGreaterThan(TICKETS);
        assertThat(walks).isGreaterThan(1);
        Set<String> states = new HashSet<>();
        for (Map.Entry<Long, List<Long>> ticket : seen.entrySet()) {
            List<Long> versions = ticket.getValue();
            for (Long version : versions) {
                assertThat(states.add(ticket.getKey() + "@" + version)).as("ticket %d version %d read twice",
                        ticket.getKey(), version).isTrue();
            }
            assertThat(versions).as("ticket %d's versions in the order read", ticket.getKey()).isSorted();
        }
        for (Ticket ticket : created) {
            Ticket last = tickets.get(instanceId, Long.toString(ticket.ticketId()));
            assertThat(seen.get(ticket.ticketId())).as("ticket %d", ticket.ticketId()).isNotNull()
                    .last().isEqualTo(last.version());
        }
    }

    /** Walks from {@code cursor} to the end of the export; returns the last lastUpdatedOn read (or the cursor). */
    private static Instant walk(TicketListService export, String instanceId, Instant cursor,
                                Map<Long, List<Long>> seen) {
        Optional<String> token = Optional.empty();
        Instant last = cursor;
        do {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("updatedSince", cursor.toString());
            parameters.put("limit", "4");
            token.ifPresent(t -> parameters.put("continuationToken", t));
            TicketQuery query = TicketListParameters.parse(instanceId,
                    name -> Optional.ofNullable(parameters.get(name)), Optional.empty());
            Page<Ticket> page = export.list(query);
            for (Ticket ticket : page.items()) {
                seen.computeIfAbsent(ticket.ticketId(), n -> new ArrayList<>()).add(ticket.version());
                last = ticket.lastUpdatedOn();
            }
            token = page.continuationToken();
        } while (token.isPresent());
        return last;
    }

    /** Updates, comments on and moves random tickets until told to stop; returns how many changes it wrote. */
    private static int write(TicketLifecycleService lifecycle, String instanceId, List<Ticket> tickets,
                             AtomicBoolean writing) {
        int writes = 0;
        while (writing.get()) {
            Ticket ticket = tickets.get(ThreadLocalRandom.current().nextInt(tickets.size()));
            String id = Long.toString(ticket.ticketId());
            switch (ThreadLocalRandom.current().nextInt(3)) {
                case 0 -> {
                    ObjectNode body = Json.object();
                    body.putObject("updates").put("title", "Title " + UUID.randomUUID());
                    body.set("user", Json.MAPPER.valueToTree(AGENT));
                    lifecycle.update(instanceId, id, body, OptionalLong.empty());
                }
                case 1 -> {
                    ObjectNode body = Json.object().put("comment", "Still on it");
                    body.set("user", Json.MAPPER.valueToTree(AGENT));
                    lifecycle.addComment(instanceId, id, body);
                }
                default -> {
                    ObjectNode body = Json.object().put("priority", "Low");
                    ObjectNode update = Json.object();
                    update.set("updates", body);
                    update.set("user", Json.MAPPER.valueToTree(AGENT));
                    body.put("priority", ThreadLocalRandom.current().nextBoolean() ? "Low" : "Urgent");
                    lifecycle.update(instanceId, id, update, OptionalLong.empty());
                }
            }
            writes++;
        }
        return writes;
    }
}

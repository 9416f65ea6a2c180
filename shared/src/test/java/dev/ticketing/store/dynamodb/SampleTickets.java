package dev.ticketing.store.dynamodb;

import dev.ticketing.store.TicketOrder;
import java.util.function.Function;
import java.util.Locale;
import java.util.Comparator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Priority;
import dev.ticketing.model.Status;
import dev.ticketing.model.Ticket;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reproducible, realistic tickets for list tests and benchmarks: about 25% Open, 10% Urgent, a third unassigned,
 * half without expected date, mixed-case titles with shared prefixes, a few tags, descriptions of a few hundred bytes.
 */
public final class SampleTickets {

    public static final String TAG_CATEGORY = "2283653a-8d36-40eb-9a68-73eb3b331811";
    private static final String[] WORDS = {"printer", "Laptop", "VPN", "password", "Email", "screen", "access",
        "network", "Teams", "license", "Printer", "mouse"};
    private static final String[] PEOPLE = {"Alex Wilber", "allan Deyoung", "Jason Doe", "Megan Bowen", "adele Vance",
        "Zoe Zhang", "Ben Li"};
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    private SampleTickets() {
    }

    public static List<Ticket> generate(String instanceId, long firstNumber, int count, long seed) {
        Random random = new Random(seed);
        List<Ticket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(ticket(instanceId, firstNumber + i, random));
        }
        return tickets;
    }

    private static Ticket ticket(String instanceId, long number, Random random) {
        Status status = pick(random, new int[] {25, 10, 25, 20, 20}, Status.values());
        Priority priority = pick(random, new int[] {30, 40, 20, 10}, Priority.values());
        User requestor = person(random);
        User assignee = random.nextInt(3) == 0 ? null : person(random);
        // Several tickets share a creation instant, so the ticket-number tie-break is exercised.
        Instant created = START.plus(Duration.ofMinutes(number / 2 * 7L));
        Instant expected = random.nextBoolean() ? null : created.plus(Duration.ofHours(random.nextInt(500)));
        Instant lastInteraction = random.nextBoolean() ? null : created.plus(Duration.ofMinutes(random.nextInt(
                100_000)));
        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                + (random.nextBoolean() ? "" : " issue " + random.nextInt(50));
        List<TicketTag> tags = new ArrayList<>();
        for (String tag : new String[] {"Hardware", "software", "Urgent care"}) {
            if (random.nextInt(4) == 0) {
                tags.add(new TicketTag(TAG_CATEGORY, tag));
            }
        }
        String description = ("Ticket " + number + ": " + title + ". ").repeat(1 + random.nextInt(8));
        ObjectNode customFields = Json.object();
        customFields.put("7670050a-cf1a-4d3d-8179-5eba888dea5f", "text in custom field " + random.nextInt(1000));
        return new Ticket(instanceId, new java.util.UUID(seedBits(number), number).toString(), number, title,
                description, null, status, priority, requestor, assignee, expected, customFields, tags, null, null,
                        null,
                null, null, created, requestor, created, requestor, lastInteraction, false, false, null, null, null, 1);
    }

    private static long seedBits(long number) {
        return 0x5eed_0000_0000_0000L ^ (number * 0x9E3779B97F4A7C15L);
    }

    private static User person(Random random) {
        String name = PEOPLE[random.nextInt(PEOPLE.length)];
        String email = name.toLowerCase().replace(' ', '.') + "@example.com";
        return new User("u-" + name.hashCode(), name, random.nextInt(5) == 0 ? email.toUpperCase() : email);
    }

    private static <T> T pick(Random random, int[] weights, T[] values) {
        int r = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** The API's promised order, computed from the tickets themselves rather than from the stored sort keys. */
    static List<Ticket> inApiOrder(List<Ticket> list, TicketOrder order, boolean ascending) {
        Comparator<Ticket> byValue = switch (order) {
            case status -> Comparator.comparing(t -> t.status().ordinal());
            case priority -> Comparator.comparing(t -> t.priority().ordinal());
            case ticketId -> Comparator.comparing(t -> 0);
            case title -> text(Ticket::title);
            case requestorName -> text(t -> t.requestor().name());
            case requestorEmail -> text(t -> t.requestor().email());
            case assigneeName -> text(t -> t.assignee() == null ? null : t.assignee().name());
            case assigneeEmail -> text(t -> t.assignee() == null ? null : t.assignee().email());
            case expectedDate -> Comparator.comparing(Ticket::expectedDate,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case createdDateTime -> Comparator.comparing(Ticket::createdOn);
            case lastInteraction -> Comparator.comparing(t -> t.lastInteraction() == null ? t.createdOn()
                    : t.lastInteraction());
        };
        Comparator<Ticket> full = byValue.thenComparingLong(Ticket::ticketId);
        return list.stream().sorted(ascending ? full : full.reversed()).toList();
    }

    /** Case-insensitive, missing values after present ones (in ascending order). */
    private static Comparator<Ticket> text(Function<Ticket, String> value) {
        return Comparator.comparing(t -> {
            String v = value.apply(t);
            return v == null ? null : v.toLowerCase(Locale.ROOT);
        }, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}

package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.store.IdempotencyKeyTakenException;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.TicketStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes sent with an {@code Idempotency-Key} happen once: which keys are valid, when two requests are the same
 * (route and body, ignoring key order and spacing), and what a repeat gets back (the first response, whole, or 422
 * for another body). {@link #once} is the one wrapper every keyed write goes through; the record is written in the
 * same transaction as the change it answers, so a response is stored exactly when its change committed.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /**
     * A write's answer, rendered by the web layer before the write commits so that a repeat gets it verbatim:
     * status, headers (such as {@code Location}) and body.
     */
    public record Response(int statusCode, Map<String, String> headers, String body) {

        public Response {
            headers = Map.copyOf(headers);
        }
    }

    /** A write that stores {@code record(result)} with its change when that is not null, and returns the result. */
    @FunctionalInterface
    interface Write<T> {
        T apply(Function<T, IdempotencyRecord> record);
    }

    private Idempotency() {
    }

    /**
     * Runs {@code write} and answers {@code render(result)}; with a key, a live record of the same request is
     * answered instead, without writing. Two concurrent first requests with one key: one writes, the other gets
     * its answer (or 409 while it is still in flight).
     */
    static <T> Response once(TicketStore store, String instanceId, String route, JsonNode body, Optional<String> key,
                             Instant now, Write<T> write, Function<T, Response> render) {
        if (key.isEmpty()) {
            return render.apply(write.apply(result -> null));
        }
        String validKey = validKey(key.get());
        String hash = requestHash(route, body);
        Optional<Response> earlier = replay(store, instanceId, validKey, hash, now);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            // Rendered once for the record and once for this answer: the same result renders the same bytes.
            T result = write.apply(r -> record(instanceId, validKey, hash, render.apply(r), now));
            return render.apply(result);
        } catch (IdempotencyKeyTakenException concurrentRepeat) {
            return replay(store, instanceId, validKey, hash, now)
                    .orElseThrow(() -> new ConflictException(ErrorCode.IdempotencyKeyInUse));
        }
    }

    static String validKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new ValidationException(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    static String requestHash(String route, JsonNode body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((route + "\n" + Json.write(canonical(body))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first response to this key when it is still live; 422 when the key was used for another request. */
    private static Optional<Response> replay(TicketStore store, String instanceId, String key, String requestHash,
                                             Instant now) {
        Optional<IdempotencyRecord> record = store.findIdempotencyRecord(instanceId, key)
                .filter(r -> !r.expiredAt(now));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (!record.get().requestHash().equals(requestHash)) {
            throw new ConflictException(ErrorCode.IdempotencyKeyReused, "This Idempotency-Key was used within the "
                    + "last " + RETENTION.toHours() + " hours for a different request; send a new key for a new "
                    + "request.");
        }
        DomainMetrics.current().idempotentReplay();
        IdempotencyRecord stored = record.get();
        return Optional.of(new Response(stored.statusCode(), stored.responseHeaders(), stored.responseBody()));
    }

    private static IdempotencyRecord record(String instanceId, String key, String requestHash, Response response,
                                            Instant now) {
        return new IdempotencyRecord(instanceId, key, requestHash, response.statusCode(), response.headers(),
                response.body(), now.plus(RETENTION));
    }
    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }
}

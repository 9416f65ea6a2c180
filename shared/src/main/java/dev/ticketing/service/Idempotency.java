package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ApiException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.metrics.DomainMetrics;
import dev.ticketing.store.IdempotencyRecord;
import dev.ticketing.store.TicketStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of the {@code Idempotency-Key} header: which keys are valid, when two requests are the same (route and
 * body, ignoring key order and spacing), and what a repeat gets back (the first response, or 422 for another body).
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** A stored or fresh response: what the handler sends. */
    public record Response(int statusCode, String body) {
    }

    private Idempotency() {
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
    static Optional<Response> replay(TicketStore store, String instanceId, String key, String requestHash,
                                     Instant now) {
        Optional<IdempotencyRecord> record = store.findIdempotencyRecord(instanceId, key)
                .filter(r -> !r.expiredAt(now));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (!record.get().requestHash().equals(requestHash)) {
            throw new ApiException(422, "IdempotencyKeyReused", "This Idempotency-Key was used within the last "
                    + RETENTION.toHours() + " hours for a different request; send a new key for a new request.");
        }
        DomainMetrics.current().idempotentReplay();
        return Optional.of(new Response(record.get().statusCode(), record.get().responseBody()));
    }

    static IdempotencyRecord record(String instanceId, String key, String requestHash, Response response,
                                    Instant now) {
        return new IdempotencyRecord(instanceId, key, requestHash, response.statusCode(), response.body(),
                now.plus(RETENTION));
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

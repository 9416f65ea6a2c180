package dev.ticketing.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.StreamChange;
import dev.ticketing.store.dynamodb.StreamImages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records of Lambda's DynamoDB Streams event ({@code {"Records": [{"eventName", "dynamodb": {"NewImage", ...}}]}}),
 * whose images are in DynamoDB's JSON ({@code {"S": "..."}}), read as the ticket changes they are.
 */
public final class StreamRecords {

    private StreamRecords() {
    }

    /** The change a record makes to a ticket or its comments, or empty for every other item. */
    public static Optional<StreamChange> change(JsonNode record) {
        JsonNode dynamodb = record.path("dynamodb");
        String eventName = record.path("eventName").asText("");
        Instant at = dynamodb.has("ApproximateCreationDateTime")
                ? Instant.ofEpochMilli(new BigDecimal(dynamodb.get("ApproximateCreationDateTime").asText())
                .movePointRight(3).longValue()) : Instant.now();
        Map<String, AttributeValue> newImage = image(dynamodb.get("NewImage"));
        Map<String, AttributeValue> oldImage = image(dynamodb.get("OldImage"));
        if ("REMOVE".equals(eventName) || newImage == null) {
            return Optional.empty();
        }
        Optional<Ticket> now = StreamImages.ticket(newImage);
        if (now.isPresent()) {
            Ticket before = "MODIFY".equals(eventName) ? StreamImages.ticket(oldImage).orElse(null) : null;
            return Optional.of(new StreamChange(at, before, now.get(), null));
        }
        if ("INSERT".equals(eventName)) {
            Optional<Activity> comment = StreamImages.comment(newImage);
            if (comment.isPresent()) {
                return Optional.of(new StreamChange(at, null, null, comment.get()));
            }
        }
        return Optional.empty();
    }

    public static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    /** An image in DynamoDB's JSON as the SDK's attribute values; null for none. */
    public static Map<String, AttributeValue> image(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        node.properties().forEach(e -> image.put(e.getKey(), value(e.getValue())));
        return image;
    }

    static AttributeValue value(JsonNode node) {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("BOOL")) {
            return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        }
        if (node.has("NULL")) {
            return AttributeValue.fromNul(true);
        }
        if (node.has("M")) {
            return AttributeValue.fromM(image(node.get("M")));
        }
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(item -> list.add(value(item)));
            return AttributeValue.fromL(list);
        }
        if (node.has("SS")) {
            List<String> set = new ArrayList<>();
            node.get("SS").forEach(item -> set.add(item.asText()));
            return AttributeValue.fromSs(set);
        }
        if (node.has("NS")) {
            List<String> set = new ArrayList<>();
            node.get("NS").forEach(item -> set.add(item.asText()));
            return AttributeValue.fromNs(set);
        }
        if (node.has("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(node.get("B").asText())));
        }
        if (node.has("BS")) {
            List<SdkBytes> set = new ArrayList<>();
            node.get("BS").forEach(item -> set.add(SdkBytes.fromByteArray(Base64.getDecoder().decode(item.asText()))));
            return AttributeValue.fromBs(set);
        }
        throw new IllegalArgumentException("Not a DynamoDB attribute value: " + node.fieldNames().next());
    }

    /** The reverse, for the local stream poller, which builds Lambda's event from the Streams API's records. */
    public static ObjectNode json(Map<String, AttributeValue> image) {
        ObjectNode node = Json.object();
        image.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    static ObjectNode json(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", json(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(item -> list.add(json(item)));
            }
            case SS -> {
                ArrayNode set = node.putArray("SS");
                value.ss().forEach(set::add);
            }
            case NS -> {
                ArrayNode set = node.putArray("NS");
                value.ns().forEach(set::add);
            }
            case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BS -> {
                ArrayNode set = node.putArray("BS");
                value.bs().forEach(b -> set.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            default -> throw new IllegalArgumentException("Unknown attribute value type " + value.type());
        }
        return node;
    }
}

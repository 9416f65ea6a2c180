package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketing.json.Json;
import dev.ticketing.store.IdempotencyRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** An idempotency record as stored; {@code expiresAt} is epoch seconds, the table's TTL attribute. */
final class IdempotencyItem {

    static final String TYPE = "idempotency";

    String pk;
    String sk;
    String type;
    String instanceId;
    String idempotencyKey;
    String requestHash;
    Long statusCode;
    /** JSON object of header names to values; absent on records written before headers were kept. */
    String responseHeaders;
    String responseBody;
    Long expiresAt;

    static final TableSchema<IdempotencyItem> SCHEMA = schema();

    private static TableSchema<IdempotencyItem> schema() {
        StaticTableSchema.Builder<IdempotencyItem> s = StaticTableSchema.builder(IdempotencyItem.class)
                .newItemSupplier(IdempotencyItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.string(s, "instanceId", i -> i.instanceId, (i, v) -> i.instanceId = v);
        Attributes.string(s, "idempotencyKey", i -> i.idempotencyKey, (i, v) -> i.idempotencyKey = v);
        Attributes.string(s, "requestHash", i -> i.requestHash, (i, v) -> i.requestHash = v);
        Attributes.number(s, "statusCode", i -> i.statusCode, (i, v) -> i.statusCode = v);
        Attributes.string(s, "responseHeaders", i -> i.responseHeaders, (i, v) -> i.responseHeaders = v);
        Attributes.string(s, "responseBody", i -> i.responseBody, (i, v) -> i.responseBody = v);
        Attributes.number(s, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
        return s.build();
    }

    static IdempotencyItem from(IdempotencyRecord r) {
        IdempotencyItem i = new IdempotencyItem();
        i.pk = Keys.idempotency(r.instanceId(), r.key());
        i.sk = Keys.IDEMPOTENCY_SK;
        i.type = TYPE;
        i.instanceId = r.instanceId();
        i.idempotencyKey = r.key();
        i.requestHash = r.requestHash();
        i.statusCode = (long) r.statusCode();
        i.responseHeaders = Json.write(Json.MAPPER.valueToTree(r.responseHeaders()));
        i.responseBody = r.responseBody();
        i.expiresAt = r.expiresAt().getEpochSecond();
        return i;
    }

    IdempotencyRecord toRecord() {
        return new IdempotencyRecord(instanceId, idempotencyKey, requestHash, statusCode.intValue(), headers(),
                responseBody, Instant.ofEpochSecond(expiresAt));
    }

    private Map<String, String> headers() {
        if (responseHeaders == null) {
            return Map.of();
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            Json.parse(responseHeaders).properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response headers are not JSON", e);
        }
    }
}

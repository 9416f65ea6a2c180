package dev.ticketing.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it ("DynamoDB item sizes and formats",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): attribute names
 * plus values, strings in UTF-8, numbers about one byte per two digits, lists and maps 3 bytes plus one per element.
 */
final class ItemBytes {

    private ItemBytes() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> value.n().length() / 2 + 1;
            case B -> value.b().asByteArray().length;
            case SS -> value.ss().stream().mapToLong(ItemBytes::utf8).sum();
            case NS -> value.ns().stream().mapToLong(n -> n.length() / 2 + 1).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
            case M -> 3 + of(value.m()) + value.m().size();
            default -> 1;
        };
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

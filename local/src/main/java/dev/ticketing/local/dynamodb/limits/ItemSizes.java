package dev.ticketing.local.dynamodb.limits;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item and attribute sizes as DynamoDB computes them, from "DynamoDB item sizes and formats"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): the UTF-8 bytes
 * of each attribute name plus its value; strings by their UTF-8 bytes, binaries by their raw bytes, numbers by one
 * byte per two significant digits plus one, null and Boolean one byte, lists and maps 3 bytes plus one byte per
 * element plus the elements' own sizes.
 */
public final class ItemSizes {

    private ItemSizes() {
    }

    public static long item(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** The size of a value without its attribute name. */
    public static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSizes::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemSizes::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(entry -> 1 + utf8(entry.getKey()) + value(entry.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** A key attribute's size: its value's bytes, as the key-length quotas count them. */
    public static long keyValue(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        return value(value);
    }

    /** 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1 byte. */
    static long number(String text) {
        int digits;
        try {
            BigDecimal number = new BigDecimal(text.strip());
            digits = number.signum() == 0 ? 1 : number.stripTrailingZeros().precision();
        } catch (NumberFormatException notANumber) {
            digits = text.length();
        }
        return (digits + 1) / 2 + 1;
    }

    static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}

package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Shorthands for declaring static table schemas attribute by attribute, without reflection. */
final class Attributes {

    private Attributes() {
    }

    static <T> void partitionKey(StaticTableSchema.Builder<T> schema, Function<T, String> getter,
                                 BiConsumer<T, String> setter) {
        schema.addAttribute(String.class, a -> a.name("PK").getter(getter).setter(setter)
                .tags(StaticAttributeTags.primaryPartitionKey()));
    }

    static <T> void sortKey(StaticTableSchema.Builder<T> schema, Function<T, String> getter,
                            BiConsumer<T, String> setter) {
        schema.addAttribute(String.class, a -> a.name("SK").getter(getter).setter(setter)
                .tags(StaticAttributeTags.primarySortKey()));
    }

    static <T> void string(StaticTableSchema.Builder<T> schema, String name, Function<T, String> getter,
                           BiConsumer<T, String> setter) {
        schema.addAttribute(String.class, a -> a.name(name).getter(getter).setter(setter));
    }

    static <T> void number(StaticTableSchema.Builder<T> schema, String name, Function<T, Long> getter,
                           BiConsumer<T, Long> setter) {
        schema.addAttribute(Long.class, a -> a.name(name).getter(getter).setter(setter));
    }

    static <T> void bool(StaticTableSchema.Builder<T> schema, String name, Function<T, Boolean> getter,
                         BiConsumer<T, Boolean> setter) {
        schema.addAttribute(Boolean.class, a -> a.name(name).getter(getter).setter(setter));
    }

    static <T> void json(StaticTableSchema.Builder<T> schema, String name, Function<T, JsonNode> getter,
                         BiConsumer<T, JsonNode> setter) {
        schema.addAttribute(EnhancedType.of(JsonNode.class), a -> a.name(name).getter(getter).setter(setter)
                .attributeConverter(JsonNodeAttributeConverter.INSTANCE));
    }

    static <T> void stringSet(StaticTableSchema.Builder<T> schema, String name, Function<T, Set<String>> getter,
                              BiConsumer<T, Set<String>> setter) {
        schema.addAttribute(EnhancedType.setOf(String.class), a -> a.name(name).getter(getter).setter(setter));
    }
}

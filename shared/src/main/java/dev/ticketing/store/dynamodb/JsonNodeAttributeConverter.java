package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores JSON values (people, custom field values, tags) as native DynamoDB maps and lists, so the
 * table stays readable in the console and attributes can be used in expressions.
 */
final class JsonNodeAttributeConverter implements AttributeConverter<JsonNode> {

    static final JsonNodeAttributeConverter INSTANCE = new JsonNodeAttributeConverter();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonNodeAttributeConverter() {
    }

    @Override
    public AttributeValue transformFrom(JsonNode node) {
        return toAttribute(node);
    }

    @Override
    public JsonNode transformTo(AttributeValue value) {
        return toNode(value);
    }

    @Override
    public EnhancedType<JsonNode> type() {
        return EnhancedType.of(JsonNode.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.M;
    }

    static AttributeValue toAttribute(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toAttribute(e.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toAttribute(element)));
            return AttributeValue.fromL(list);
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        return AttributeValue.fromS(node.asText());
    }

    static JsonNode toNode(AttributeValue value) {
        switch (value.type()) {
            case M: {
                ObjectNode object = NODES.objectNode();
                value.m().forEach((k, v) -> object.set(k, toNode(v)));
                return object;
            }
            case L: {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(v -> array.add(toNode(v)));
                return array;
            }
            case BOOL:
                return NODES.booleanNode(value.bool());
            case N:
                return NODES.numberNode(new BigDecimal(value.n()));
            case S:
                return NODES.textNode(value.s());
            case SS: {
                ArrayNode array = NODES.arrayNode();
                value.ss().forEach(array::add);
                return array;
            }
            case NUL:
            default:
                return NODES.nullNode();
        }
    }
}

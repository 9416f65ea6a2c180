package dev.ticketing.local.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a CloudFormation YAML template into a Jackson tree, turning short-form intrinsics ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) into their long JSON form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ...}}).
 */
public final class CloudFormationYaml {

    // Tags that YAML itself defines (!!str, !!int, ...) come back as full URIs; anything else is a CloudFormation tag.
    private static final String YAML_CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    public static JsonNode read(Reader yaml) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.missingNode();
            }
            return readValue(parser);
        }
    }

    private static JsonNode readValue(YAMLParser parser) throws IOException {
        // The tag belongs to the current token and must be read before the parser moves on.
        String tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("Unexpected YAML token " + parser.currentToken()
                    + " at " + parser.currentLocation());
        };
        return tag == null || tag.startsWith(YAML_CORE_TAG_PREFIX) ? value : intrinsic(tag, value);
    }

    private static ObjectNode readObject(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private static ArrayNode readArray(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static ObjectNode intrinsic(String tag, JsonNode argument) {
        String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
        JsonNode longFormArgument = argument;
        // "!GetAtt Resource.Attribute" is the only short form whose long form takes a different shape.
        if (tag.equals("GetAtt") && argument.isTextual() && argument.asText().contains(".")) {
            String text = argument.asText();
            int dot = text.indexOf('.');
            longFormArgument = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set(function, longFormArgument);
    }
}

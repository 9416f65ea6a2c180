package dev.ticketing.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one configured JSON mapper, built once per container. */
public final class Json {

    /**
     * No document of the API nests deeper than about ten levels; the limit stops a hostile body from costing stack
     * and time long before a StackOverflowError could.
     */
    public static final int MAX_NESTING_DEPTH = 64;
    /**
     * Characters of one number token. DynamoDB keeps 38 significant digits; 200 leaves room for a plain
     * {@code 0.000...1} down to DynamoDB's smallest magnitude (1E-130), and keeps BigDecimal parsing cheap.
     */
    public static final int MAX_NUMBER_LENGTH = 200;

    /**
     * Lenient on input where the API reference's own examples need it: unquoted field names
     * (the status example) and comments (the create example annotates custom fields with // ...).
     * Floats are read as BigDecimal: a double would turn {@code 1e400} into Infinity and round away digits beyond
     * the 17th, so validation could not see what the client sent.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 100.0 stays 100.0 rather than becoming 1E+2 in the answer.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}

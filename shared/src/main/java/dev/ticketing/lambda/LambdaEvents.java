package dev.ticketing.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the events API Gateway sends and writes the answers it expects, with the project's own Jackson. Our
 * handlers are stream handlers, so Lambda's runtime never loads its own event serializer (about half a second of
 * init, and a Joda-Time dependency: docs/benchmarks-cold-start.md). The {@code aws-lambda-java-events} classes stay
 * the event model: plain beans that Jackson maps directly.
 */
public final class LambdaEvents {

    /**
     * API Gateway adds fields over time ({@code requestContext.identity.clientCert}, ...); the model ignores the
     * ones it does not know rather than failing every request.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private LambdaEvents() {
    }

    public static APIGatewayProxyRequestEvent readProxyRequest(InputStream input) throws IOException {
        return MAPPER.readValue(input, APIGatewayProxyRequestEvent.class);
    }

    public static APIGatewayCustomAuthorizerEvent readAuthorizerRequest(InputStream input) throws IOException {
        return MAPPER.readValue(input, APIGatewayCustomAuthorizerEvent.class);
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Writes an answer as Lambda would hand it to API Gateway: the object's JSON, nothing else. */
    public static void write(Object answer, OutputStream output) throws IOException {
        MAPPER.writeValue(output, answer);
    }

    public static byte[] toBytes(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }
}

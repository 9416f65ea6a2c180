package dev.ticketing.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multipart/form-data body built part by part, as an HTTP client library writes it, and put into a proxy event as
 * API Gateway passes it for a binary media type: base64-encoded, {@code isBase64Encoded} true.
 */
public final class MultipartBody {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public MultipartBody() {
        this("----test-boundary-4f9a2c");
    }

    public MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    /** A file part: {@code disposition} is everything after {@code form-data; }, as the client writes it. */
    public MultipartBody part(String disposition, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n");
        if (contentType != null) {
            write("Content-Type: " + contentType + "\r\n");
        }
        write("\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    public MultipartBody file(String fileName, String contentType, byte[] content) {
        return part("name=\"files\"; filename=\"" + fileName + "\"", contentType, content);
    }

    public MultipartBody field(String name, String value) {
        return part("name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(out.toByteArray());
        closed.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return closed.toByteArray();
    }

    /** {@code event} with this body and its Content-Type, as API Gateway passes a binary media type. */
    public APIGatewayProxyRequestEvent into(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
        headers.put("Content-Type", contentType());
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return event.withHeaders(headers).withMultiValueHeaders(multi)
                .withBody(Base64.getEncoder().encodeToString(bytes())).withIsBase64Encoded(true);
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

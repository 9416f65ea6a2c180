package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ticketing.local.template.Route;
import dev.ticketing.local.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinaryMediaTypesTest {

    private static final Route UPLOAD = new Route("POST", "/tickets/{ticketId}/attachments", "AddAttachmentFunction",
            "com.example.AddAttachmentHandler", Optional.empty());

    @Test
    void theTemplatesApi_takesMultipartFormDataAsBinary() {
        BinaryMediaTypes types = BinaryMediaTypes.load(SamTemplate.load());

        assertThat(types.types()).containsExactly("multipart/form-data");
        assertThat(types.matches("multipart/form-data; boundary=----x")).isTrue();
        assertThat(types.matches("Multipart/Form-Data")).isTrue();
        assertThat(types.matches("application/json")).isFalse();
        assertThat(types.matches(null)).isFalse();
    }

    @Test
    void wildcards_matchAsApiGatewayMatchesThem() {
        BinaryMediaTypes types = new BinaryMediaTypes(List.of("image~1*"));

        assertThat(types.matches("image/png")).isTrue();
        assertThat(types.matches("imagery/png")).isFalse();
        assertThat(new BinaryMediaTypes(List.of("*~1*")).matches("text/plain")).isTrue();
    }

    @Test
    void aBinaryBody_reachesTheFunctionBase64Encoded_bytesIntact_otherBodiesAsText() {
        byte[] body = {'-', '-', 'b', '\r', '\n', 0, (byte) 0xFF, (byte) 0xC3};
        BinaryMediaTypes types = new BinaryMediaTypes(List.of("multipart~1form-data"));

        APIGatewayProxyRequestEvent binary = ProxyEvents.request(request("multipart/form-data; boundary=b", body),
                UPLOAD, Map.of("ticketId", "1"), null, "req-1", Instant.EPOCH, types);
        APIGatewayProxyRequestEvent text = ProxyEvents.request(request("application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), UPLOAD, Map.of("ticketId", "1"), null, "req-2", Instant.EPOCH,
                types);

        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).containsExactly(body);
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(text.getBody()).isEqualTo("{}");
    }

    private static IncomingRequest request(String contentType, byte[] body) {
        return new IncomingRequest("POST", "/tickets/1/attachments", "key=k",
                Map.of("Content-Type", List.of(contentType)), body, "127.0.0.1");
    }
}

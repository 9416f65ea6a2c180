package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import dev.ticketing.local.dynamodb.TemplateTable;
import dev.ticketing.local.template.Route;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {

    private static final Route GET_TICKET = new Route("GET", "/tickets/{ticketId}", "GetTicketFunction",
            "com.example.GetTicketHandler", Optional.empty());
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void repeatedQueryParameters_reachTheEvent_allInMultiValue_lastInSingleValue_decoded() {
        IncomingRequest in = get("/tickets/1", "key=k&tags=a%2Cb&tags=c+d&tags=e%20f&flag&=ignored&");

        APIGatewayProxyRequestEvent event = ProxyEvents.request(in, GET_TICKET, Map.of("ticketId", "1"), null,
                "req-1", NOW);

        assertThat(event.getMultiValueQueryStringParameters())
                .containsEntry("tags", List.of("a,b", "c d", "e f"))
                .containsEntry("key", List.of("k"))
                .containsEntry("flag", List.of(""))
                .doesNotContainKey("");
        assertThat(event.getQueryStringParameters())
                .containsEntry("tags", "e f")
                .containsEntry("key", "k")
                .containsEntry("flag", "");
    }

    @Test
    void requestWithoutQueryOrBody_hasNullMaps_andNullBody_asApiGatewaySendsThem() {
        APIGatewayProxyRequestEvent event = ProxyEvents.request(get("/tickets/1", null), GET_TICKET, null, null,
                "req-1", NOW);

        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getMultiValueQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void encodedPathParameter_reachesTheEventDecoded_whilePathStaysAsSent() {
        IncomingRequest in = get("/tickets/caf%C3%A9%2F7+1", "key=k");
        Router.Match.Found found = (Router.Match.Found) new Router(List.of(GET_TICKET)).match("GET", in.rawPath());

        APIGatewayProxyRequestEvent event = ProxyEvents.request(in, found.route(), found.pathParameters(), null,
                "req-1", NOW);

        assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("ticketId", "café/7+1"));
        assertThat(event.getPath()).isEqualTo("/tickets/caf%C3%A9%2F7+1");
        assertThat(event.getResource()).isEqualTo("/tickets/{ticketId}");
    }

    @Test
    void event_carriesHeaders_body_andTheRequestContextFunctionsRead() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/plain", "application/json"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        IncomingRequest in = new IncomingRequest("POST", "/tickets", "key=k", headers,
                "{\"title\":\"é\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        Route create = new Route("POST", "/tickets", "CreateTicketFunction", "com.example.Create", Optional.empty());

        APIGatewayProxyRequestEvent event = ProxyEvents.request(in, create, null,
                Map.of("instanceId", "inst-1", "principalId", "inst-1"), "req-9", NOW);

        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getBody()).isEqualTo("{\"title\":\"é\"}");
        assertThat(event.getMultiValueHeaders()).containsEntry("Accept", List.of("text/plain", "application/json"));
        assertThat(event.getHeaders())
                .containsEntry("Accept", "application/json")
                .containsEntry("User-Agent", "curl/8.5.0");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertThat(context.getRequestId()).isEqualTo("req-9");
        assertThat(context.getStage()).isEqualTo("v1");
        assertThat(context.getResourcePath()).isEqualTo("/tickets");
        assertThat(context.getHttpMethod()).isEqualTo("POST");
        assertThat(context.getPath()).isEqualTo("/v1/tickets");
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getIdentity().getUserAgent()).isEqualTo("curl/8.5.0");
        assertThat(context.getRequestTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getAuthorizer()).containsEntry("instanceId", "inst-1");
    }

    @Test
    void authorizerEvent_isARequestEvent_forTheMethodArnOfTheCall() {
        IncomingRequest in = get("/tickets/1", "key=k1&key=k2&timezone=0");

        APIGatewayCustomAuthorizerEvent event = ProxyEvents.authorizerRequest(in, GET_TICKET,
                Map.of("ticketId", "1"), "req-1");

        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getMethodArn())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/GET/tickets/1");
        assertThat(event.getQueryStringParameters()).containsEntry("key", "k2").containsEntry("timezone", "0");
        assertThat(event.getPathParameters()).containsEntry("ticketId", "1");
        assertThat(event.getResource()).isEqualTo("/tickets/{ticketId}");
        assertThat(event.getPath()).isEqualTo("/tickets/1");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getStage()).isEqualTo("v1");
    }

    @Test
    void response_mergesHeaders_withMultiValueHeadersWinningForTheSameName_andDropsContentLength() {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/tickets/1", "Vary", "Accept", "Content-Length", "999"))
                .withMultiValueHeaders(Map.of("vary", List.of("Origin", "Accept-Encoding")))
                .withBody("{\"ok\":true}");

        OutgoingResponse out = ProxyEvents.response(response);

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.header("Location")).containsExactly("/tickets/1");
        assertThat(out.header("Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(out.header("Content-Length")).isEmpty();
        assertThat(out.bodyText()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void base64Response_isSentDecoded() {
        OutgoingResponse out = ProxyEvents.response(new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withIsBase64Encoded(true).withBody("aGVsbG8="));

        assertThat(out.bodyText()).isEqualTo("hello");
    }

    @Test
    void responseWithoutStatus_isMalformed() {
        assertThatThrownBy(() -> ProxyEvents.response(new APIGatewayProxyResponseEvent().withBody("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed Lambda proxy response");
    }

    @Test
    void eventForTheRecordedRequest_matchesTheRecordedApiGatewayEvent() throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(TemplateTable.load().template().resolveSibling("events")
                .resolve("get-ticket.json").toFile());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        recorded.path("multiValueHeaders").properties().forEach(header -> headers.put(header.getKey(),
                List.of(header.getValue().get(0).asText())));
        IncomingRequest in = new IncomingRequest("GET", "/tickets/1",
                "key=sandbox-demo-primary-key-0123456789abcdef&timezone=0", headers, new byte[0], "127.0.0.1");
        Map<String, Object> authorizer = Json.MAPPER.convertValue(recorded.path("requestContext").path("authorizer"),
                new TypeReference<Map<String, Object>>() { });

        JsonNode event = Json.MAPPER.valueToTree(ProxyEvents.request(in, GET_TICKET, Map.of("ticketId", "1"),
                authorizer, "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", NOW));

        for (String field : List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "body")) {
            assertThat(event.path(field)).as(field).isEqualTo(recorded.path(field));
        }
        assertThat(event.path("isBase64Encoded")).isEqualTo(recorded.path("isBase64Encoded"));
        for (String field : List.of("accountId", "apiId", "stage", "requestId", "resourcePath", "httpMethod", "path",
                "authorizer")) {
            assertThat(event.path("requestContext").path(field)).as("requestContext." + field)
                    .isEqualTo(recorded.path("requestContext").path(field));
        }
        recorded.path("requestContext").path("identity").properties().forEach(field ->
                assertThat(event.path("requestContext").path("identity").path(field.getKey()))
                        .as("requestContext.identity." + field.getKey()).isEqualTo(field.getValue()));
    }

    private static IncomingRequest get(String rawPath, String rawQuery) {
        return new IncomingRequest("GET", rawPath, rawQuery, Map.of(), new byte[0], "127.0.0.1");
    }
}

package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** JSON requests over HTTP to a running sandbox, signed with its demo instance's key, as a client sends them. */
final class SandboxClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Sandbox sandbox;

    SandboxClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The response to {@code method pathAndQuery} with a JSON {@code body} (null for none), the key appended. */
    HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        URI uri = URI.create(sandbox.baseUri() + pathAndQuery + separator + "key="
                + URLEncoder.encode(sandbox.primaryKey(), StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code item} of a 200 or 201 answer; any other status fails the test with the answer's body. */
    JsonNode item(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, pathAndQuery, body);
        assertThat(response.statusCode()).as(method + " " + pathAndQuery + ": " + response.body()).isBetween(200, 201);
        return Json.parse(response.body()).get("item");
    }
}

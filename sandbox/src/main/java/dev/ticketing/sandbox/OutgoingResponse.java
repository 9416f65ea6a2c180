package dev.ticketing.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The HTTP response the sandbox sends: status, every header value, body bytes. */
public record OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public List<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }
}

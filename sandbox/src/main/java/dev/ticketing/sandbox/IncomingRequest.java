package dev.ticketing.sandbox;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the sandbox, before any routing.
 *
 * @param rawPath  the path as sent, percent-encoding intact
 * @param rawQuery the query string as sent, without '?'; null when there is none
 * @param headers  every header value in arrival order, names as the client spelled them
 * @param body     null when the request has no body
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String sourceIp) {
}

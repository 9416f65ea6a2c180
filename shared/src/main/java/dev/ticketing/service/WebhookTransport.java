package dev.ticketing.service;

import java.util.Map;

/** POSTs one webhook request; never follows a redirect, and reports a failure instead of throwing. */
public interface WebhookTransport {

    /**
     * @param statusCode the receiver's status, 0 when no answer came
     * @param error      what failed when no answer came (timeout, connection refused), else null
     */
    record Response(int statusCode, String error) {
    }

    Response post(String url, Map<String, String> headers, String body);
}

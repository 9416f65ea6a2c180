package dev.ticketing.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding as API Gateway applies it: '+' is a space in a query string but itself in a path. */
final class UrlDecoding {

    private UrlDecoding() {
    }

    static String pathSegment(String raw) {
        return decode(raw.replace("+", "%2B"));
    }

    static String queryComponent(String raw) {
        return decode(raw);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncoding(e);
        }
    }

    /** A '%' not followed by two hex digits: the client's error, answered with 400. */
    static final class MalformedEncoding extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        MalformedEncoding(IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

package dev.ticketing.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks a request's credentials in text that may echo input, such as an exception's message: the values of its
 * {@code key} query parameter and of headers named like credentials, and anything shaped like one of our API keys
 * (43 URL-safe Base64 characters). Log lines are otherwise built from route templates, statuses and codes only.
 */
final class Redaction {

    static final String MASK = "[redacted]";
    static final Redaction NONE = new Redaction(List.of());

    /** A key as ApiKeys generates it: 32 random bytes in URL-safe Base64 without padding, alone in its text. */
    private static final Pattern KEY_SHAPE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");
    private static final String KEY_PARAMETER = "key";
    private static final List<String> CREDENTIAL_HEADER_PARTS = List.of("key", "auth", "token", "secret", "cookie");
    /** Shorter values would mask ordinary text; no credential of ours is that short. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The credentials of one request, from its query parameters and headers (either map may be null). */
    static Redaction of(Map<String, String> query, Map<String, List<String>> multiQuery,
                        Map<String, String> headers, Map<String, List<String>> multiHeaders) {
        List<String> secrets = new ArrayList<>();
        if (query != null) {
            addIf(secrets, query.get(KEY_PARAMETER));
        }
        if (multiQuery != null && multiQuery.get(KEY_PARAMETER) != null) {
            multiQuery.get(KEY_PARAMETER).forEach(value -> addIf(secrets, value));
        }
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (credentialHeader(name)) {
                    addIf(secrets, value);
                }
            });
        }
        if (multiHeaders != null) {
            multiHeaders.forEach((name, values) -> {
                if (credentialHeader(name) && values != null) {
                    values.forEach(value -> addIf(secrets, value));
                }
            });
        }
        // Longest first, so that a secret containing another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(secrets));
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return KEY_SHAPE.matcher(masked).replaceAll(MASK);
    }

    private static boolean credentialHeader(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADER_PARTS.stream().anyMatch(lower::contains);
    }

    private static void addIf(List<String> secrets, String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH && !secrets.contains(value)) {
            secrets.add(value);
        }
    }
}

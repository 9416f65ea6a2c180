package dev.ticketing.config;

import java.util.List;
import java.util.Optional;

/**
 * The continuation-token secrets in force: new tokens are signed with {@code current}; during a rotation, tokens
 * signed with {@code previous} are still accepted, so cursors handed out just before the rotation keep working.
 */
public record TokenSecrets(String current, Optional<String> previous) {

    public TokenSecrets {
        if (current == null || current.isEmpty()) {
            throw new IllegalArgumentException("a continuation-token secret is required");
        }
        previous = previous.filter(secret -> !secret.isEmpty() && !secret.equals(current));
    }

    public static TokenSecrets of(String current) {
        return new TokenSecrets(current, Optional.empty());
    }

    /** The secrets a presented token may be signed with, current first. */
    public List<String> accepted() {
        return previous.map(secret -> List.of(current, secret)).orElseGet(() -> List.of(current));
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "TokenSecrets[current=(set), previous=" + (previous.isPresent() ? "(set)" : "(none)") + "]";
    }
}

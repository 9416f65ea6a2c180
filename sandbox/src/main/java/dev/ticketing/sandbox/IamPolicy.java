package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's policy document against one method ARN as API Gateway does: an explicit Deny wins,
 * then any Allow; no matching statement is an implicit deny. Wildcards {@code *} and {@code ?} as in IAM.
 */
final class IamPolicy {

    static final String INVOKE = "execute-api:Invoke";

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private IamPolicy() {
    }

    static Decision evaluate(JsonNode policyDocument, String methodArn) {
        boolean allowed = false;
        for (JsonNode statement : asArray(policyDocument.path("Statement"))) {
            // Action names are case-insensitive in IAM; resources are not.
            boolean applies = matchesAny(statement.path("Action"), INVOKE.toLowerCase(Locale.ROOT), true)
                    && matchesAny(statement.path("Resource"), methodArn, false);
            if (!applies) {
                continue;
            }
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
        for (JsonNode pattern : asArray(patterns)) {
            String text = ignoreCase ? pattern.asText().toLowerCase(Locale.ROOT) : pattern.asText();
            if (wildcard(text).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("((?<=[*?])|(?=[*?]))")) {
            switch (literal) {
                case "*" -> regex.append(".*");
                case "?" -> regex.append('.');
                default -> regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Iterable<JsonNode> asArray(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
    }
}

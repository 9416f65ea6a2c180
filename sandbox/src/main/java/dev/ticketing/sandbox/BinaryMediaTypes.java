package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API's {@code BinaryMediaTypes} (SAM writes {@code /} as {@code ~1}): a request whose Content-Type is one of
 * them reaches its function base64-encoded, with {@code isBase64Encoded} true, as API Gateway passes it; any other
 * body is passed as text.
 */
public record BinaryMediaTypes(List<String> types) {

    public static final BinaryMediaTypes NONE = new BinaryMediaTypes(List.of());

    public BinaryMediaTypes {
        types = types.stream().map(type -> type.replace("~1", "/").strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Those of every {@code AWS::Serverless::Api} of the template (it has one). */
    public static BinaryMediaTypes load(SamTemplate template) {
        JsonNode root = template.root();
        List<String> types = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            if ("AWS::Serverless::Api".equals(resource.getValue().path("Type").asText())) {
                resource.getValue().path("Properties").path("BinaryMediaTypes").forEach(t -> types.add(t.asText()));
            }
        }
        return new BinaryMediaTypes(types);
    }

    /** Whether a Content-Type header value (parameters ignored) is one of the types, wildcards included. */
    public boolean matches(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        for (String binary : types) {
            if (binary.equals(type) || binary.equals("*/*")
                    || (binary.endsWith("/*") && slash > 0 && binary.regionMatches(0, type, 0, slash + 1))) {
                return true;
            }
        }
        return false;
    }
}

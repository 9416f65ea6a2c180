package dev.ticketing.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.config.TokenSecrets;
import dev.ticketing.json.Json;
import dev.ticketing.store.InvalidPageRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque continuation tokens: a DynamoDB key, integrity-protected and bound to one instance and one query, so a
 * client can neither alter the key nor reuse a token with another instance, other filters or another order.
 */
public final class ContinuationTokens {

    public static final String PARAMETER = "continuationToken";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String INVALID =
            "is not a token this query issued (altered, from another instance, or sent with different filters"
                    + " or order)";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<TokenSecrets> secrets;

    public ContinuationTokens(String secret) {
        this(fixed(TokenSecrets.of(secret)));
    }

    /** Secrets looked up on every use, so that a rotation reaches a running container. */
    public ContinuationTokens(Supplier<TokenSecrets> secrets) {
        this.secrets = secrets;
    }

    private static Supplier<TokenSecrets> fixed(TokenSecrets secrets) {
        return () -> secrets;
    }

    /** A token for {@code lastKey} (string and number attributes), valid only for this instance and query. */
    public String encode(String instanceId, String queryFingerprint, Map<String, AttributeValue> lastKey) {
        byte[] payload = Json.write(toJson(lastKey)).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "."
                + ENCODER.encodeToString(mac(secrets.get().current(), instanceId, queryFingerprint, payload));
    }

    /** The key a token carries; 400 naming {@code continuationToken} when it was not issued for this query. */
    public Map<String, AttributeValue> decode(String token, String instanceId, String queryFingerprint) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] presented;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            presented = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!signedWithAcceptedSecret(presented, instanceId, queryFingerprint, payload)) {
            throw invalid();
        }
        try {
            return fromJson(Json.parse(new String(payload, StandardCharsets.UTF_8)));
        } catch (Exception e) {
            // Only reachable with a genuine MAC over a malformed payload, i.e. a leaked secret.
            throw invalid();
        }
    }

    private boolean signedWithAcceptedSecret(byte[] presented, String instanceId, String queryFingerprint,
                                             byte[] payload) {
        boolean accepted = false;
        for (String secret : secrets.get().accepted()) {
            // Constant-time comparison: the time taken must not reveal how much of a forged tag was right.
            accepted |= MessageDigest.isEqual(presented, mac(secret, instanceId, queryFingerprint, payload));
        }
        return accepted;
    }

    private static byte[] mac(String secret, String instanceId, String queryFingerprint, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            // Length-prefixed fields, so no two (instance, query, payload) triples share an input.
            update(mac, instanceId.getBytes(StandardCharsets.UTF_8));
            update(mac, queryFingerprint.getBytes(StandardCharsets.UTF_8));
            update(mac, payload);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }

    private static void update(Mac mac, byte[] field) {
        int n = field.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(field);
    }

    private static ObjectNode toJson(Map<String, AttributeValue> key) {
        ObjectNode node = Json.object();
        // Sorted, so the same key always yields the same token.
        new TreeMap<>(key).forEach((name, value) -> {
            if (value.s() != null) {
                node.putObject(name).put("S", value.s());
            } else if (value.n() != null) {
                node.putObject(name).put("N", value.n());
            } else {
                throw new IllegalArgumentException("key attribute " + name + " is neither a string nor a number");
            }
        });
        return node;
    }

    private static Map<String, AttributeValue> fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.hasNonNull("S")) {
                key.put(field.getKey(), AttributeValue.fromS(value.get("S").asText()));
            } else if (value.hasNonNull("N")) {
                key.put(field.getKey(), AttributeValue.fromN(value.get("N").asText()));
            } else {
                throw new IllegalArgumentException("unsupported attribute " + field.getKey());
            }
        }
        return key;
    }

    private static InvalidPageRequestException invalid() {
        return new InvalidPageRequestException(PARAMETER, INVALID);
    }
}

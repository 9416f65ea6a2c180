package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.auth.Authenticator;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.http.ApiRequest;
import dev.ticketing.lambda.LambdaEvents;
import dev.ticketing.observability.RequestScope;
import dev.ticketing.store.ApiKeyOwner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REQUEST authorizer: resolves the {@code key} query parameter to its instance. Allows the whole API
 * (API Gateway caches the answer per key, for every route) and passes {@code instanceId} to the functions. A stream
 * handler, like the API functions, so that Lambda's runtime never loads its own event serializer.
 */
public final class AuthorizerHandler implements RequestStreamHandler {

    public static final String KEY_PARAMETER = "key";

    private final Authenticator authenticator;

    public AuthorizerHandler() {
        this(Dependencies.get().authenticator());
    }

    public AuthorizerHandler(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayCustomAuthorizerEvent event = LambdaEvents.readAuthorizerRequest(input);
        LambdaEvents.write(RequestScope.authorize(event, context, () -> handle(event, context)), output);
    }

    /**
     * The policy for a request's key; an unknown key throws {@link UnauthorizedSignal}, which API Gateway maps to
     * 401.
     */
    public Map<String, Object> handle(APIGatewayCustomAuthorizerEvent event, Context context) {
        Map<String, String> query = event.getQueryStringParameters();
        String key = query == null ? null : query.get(KEY_PARAMETER);
        ApiKeyOwner owner = authenticator.authenticate(key).orElse(null);
        if (owner == null) {
            RequestScope.note("key_present", key != null);
            // This exact message is how a Lambda authorizer tells API Gateway to answer 401.
            throw new UnauthorizedSignal();
        }
        RequestScope.instance(owner.instanceId());
        RequestScope.note("key_slot", owner.slot().name());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("principalId", owner.instanceId());
        response.put("policyDocument", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke",
                        "Effect", "Allow",
                        "Resource", wholeApi(event.getMethodArn())))));
        response.put("context", Map.of(ApiRequest.INSTANCE_ID, owner.instanceId()));
        if (owner.usageIdentifierKey() != null) {
            response.put("usageIdentifierKey", owner.usageIdentifierKey());
        }
        return response;
    }

    /**
     * {@code arn:...:apiId/stage/METHOD/path} becomes {@code arn:...:apiId/stage/*}: one cached answer fits all
     * routes.
     */
    static String wholeApi(String methodArn) {
        if (methodArn == null) {
            return "*";
        }
        String[] parts = methodArn.split("/", 3);
        return parts.length < 2 ? methodArn : parts[0] + "/" + parts[1] + "/*";
    }
}

package dev.ticketing.admin;

import dev.ticketing.auth.ApiKeys;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClientBuilder;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;

/**
 * Gives an instance its own API Gateway key on the stack's usage plan. The authorizer returns the key's value
 * as {@code usageIdentifierKey}, so API Gateway throttles each instance separately; without one, a deployed
 * API (API key source AUTHORIZER, keys required) refuses the instance's requests with 403.
 */
public final class UsagePlanKeys {

    private final ApiGatewayClient apiGateway;
    private final String usagePlanId;

    public UsagePlanKeys(ApiGatewayClient apiGateway, String usagePlanId) {
        this.apiGateway = apiGateway;
        this.usagePlanId = usagePlanId;
    }

    /**
     * An API Gateway client for the operator's account (default credential chain: this runs on an operator's
     * machine, not in Lambda), or for a local engine such as moto when {@code endpoint} is given.
     */
    public static ApiGatewayClient client(String region, Optional<URI> endpoint) {
        ApiGatewayClientBuilder builder = ApiGatewayClient.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create());
        if (endpoint.isPresent()) {
            builder.endpointOverride(endpoint.get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                            "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    /** Creates an enabled key named after the instance, attaches it to the usage plan and returns its value. */
    public String issue(String instanceId) {
        CreateApiKeyResponse key = apiGateway.createApiKey(r -> r
                .name("instance-" + instanceId)
                .description("Usage-plan key of ticketing instance " + instanceId)
                .value(ApiKeys.generate())
                .enabled(true));
        apiGateway.createUsagePlanKey(r -> r.usagePlanId(usagePlanId).keyId(key.id()).keyType("API_KEY"));
        return key.value();
    }
}

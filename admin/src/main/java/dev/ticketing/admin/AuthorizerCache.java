package dev.ticketing.admin;

import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The authorizer cache of one API Gateway stage. API Gateway keeps each authorizer answer per {@code key} value for
 * the authorizer's TTL (300 s in template.yaml); flushing it makes a rotated-away key fail at once.
 */
final class AuthorizerCache {

    private final ApiGatewayClient apiGateway;
    private final String restApiId;
    private final String stageName;

    AuthorizerCache(ApiGatewayClient apiGateway, String restApiId, String stageName) {
        this.apiGateway = apiGateway;
        this.restApiId = restApiId;
        this.stageName = stageName;
    }

    /** Fails with the SDK's NotFoundException when the API or the stage does not exist. */
    void checkStageExists() {
        apiGateway.getStage(r -> r.restApiId(restApiId).stageName(stageName));
    }

    void flush() {
        apiGateway.flushStageAuthorizersCache(r -> r.restApiId(restApiId).stageName(stageName));
    }
}

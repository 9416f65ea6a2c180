package dev.ticketing.local.template;

/**
 * The throttle of an {@code AWS::ApiGateway::UsagePlan} from template.yaml: a token bucket per API key holding up
 * to {@code burstLimit} requests and refilled at {@code ratePerSecond}.
 */
public record UsagePlan(String name, int burstLimit, double ratePerSecond) {

    public UsagePlan {
        if (burstLimit < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("usage plan " + name + " has a negative burst or rate limit");
        }
    }
}

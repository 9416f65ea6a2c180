package dev.ticketing.local.template;

import java.time.Duration;
import java.util.List;

/**
 * A REQUEST Lambda authorizer as the template declares it: its function, the identity sources that must be
 * present (and key its cache), and how long API Gateway caches its answer.
 */
public record AuthorizerSpec(String name, String functionName, String handlerClass, List<String> queryStrings,
                             List<String> headers, Duration ttl) {

    public AuthorizerSpec withTtl(Duration newTtl) {
        return new AuthorizerSpec(name, functionName, handlerClass, queryStrings, headers, newTtl);
    }
}

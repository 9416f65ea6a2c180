package dev.ticketing.local.template;

import java.util.Optional;

/**
 * One {@code Type: Api} event of template.yaml: a method and path template served by a function, guarded by an
 * authorizer unless the route opts out, and throttled by a usage plan when the route requires an API key.
 *
 * @param method       upper case, or {@code ANY}
 * @param path         the template path, e.g. {@code /tickets/{ticketId}}: API Gateway's {@code resource}
 * @param functionName the function's logical id in the template
 * @param handlerClass the class named by the function's {@code Handler}
 * @param usagePlan    the plan of the route's API when the route has {@code ApiKeyRequired}
 */
public record Route(String method, String path, String functionName, String handlerClass,
                    Optional<AuthorizerSpec> authorizer, Optional<UsagePlan> usagePlan) {

    public static final String ANY = "ANY";

    public Route(String method, String path, String functionName, String handlerClass,
                 Optional<AuthorizerSpec> authorizer) {
        this(method, path, functionName, handlerClass, authorizer, Optional.empty());
    }

    public boolean accepts(String requestMethod) {
        return method.equals(ANY) || method.equals(requestMethod);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

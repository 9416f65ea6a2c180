package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.local.template.CloudFormationYaml;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the API out of template.yaml: every {@code Api} event of every {@code AWS::Serverless::Function}, with the
 * authorizer SAM would put in front of it. The sandbox serves exactly these routes, so a new function in the
 * template is a new route here.
 */
public final class TemplateRoutes {

    /** SAM's default for {@code ReauthorizeEvery}. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(300);

    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");
    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final String USAGE_PLAN_TYPE = "AWS::ApiGateway::UsagePlan";

    private final JsonNode root;

    private TemplateRoutes(JsonNode root) {
        this.root = root;
    }

    public static List<Route> load(Path template) {
        return new TemplateRoutes(read(template)).routes();
    }

    static List<Route> parse(String yaml) {
        return new TemplateRoutes(read(yaml)).routes();
    }

    /** The template as a tree, short-form intrinsics ({@code !Ref X}) in their long form ({@code {"Ref": "X"}}). */
    static JsonNode read(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return CloudFormationYaml.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
    }

    static JsonNode read(String yaml) {
        try {
            return CloudFormationYaml.read(new StringReader(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse the template", e);
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : root.path("Resources").properties()) {
            if (!FUNCTION_TYPE.equals(function.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode events = function.getValue().path("Properties").path("Events");
            for (Map.Entry<String, JsonNode> event : events.properties()) {
                if ("Api".equals(event.getValue().path("Type").asText())) {
                    routes.add(route(function.getKey(), event.getKey(), event.getValue().path("Properties")));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return List.copyOf(routes);
    }

    private Route route(String functionName, String eventName, JsonNode event) {
        String where = functionName + ".Events." + eventName;
        String path = required(event, "Path", where);
        String method = required(event, "Method", where).toUpperCase(Locale.ROOT);
        return new Route(method, path, functionName, handlerClass(functionName),
                authorizer(event, where), usagePlan(event));
    }

    /**
     * The throttle of the usage plan that lists the event's API among its stages, when the route requires an API
     * key (the event's {@code Auth.ApiKeyRequired}, else its API's): API Gateway throttles only such methods.
     */
    private Optional<UsagePlan> usagePlan(JsonNode event) {
        JsonNode apiKeyRequired = event.path("Auth").path("ApiKeyRequired");
        boolean required = apiKeyRequired.isMissingNode()
                ? apiAuth(event.get("RestApiId")).path("ApiKeyRequired").asBoolean(false)
                : apiKeyRequired.asBoolean(false);
        Optional<String> api = logicalId(event.get("RestApiId"));
        if (!required || api.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            JsonNode properties = resource.getValue().path("Properties");
            if (!USAGE_PLAN_TYPE.equals(resource.getValue().path("Type").asText())
                    || !properties.path("Throttle").isObject()) {
                continue;
            }
            for (JsonNode stage : properties.path("ApiStages")) {
                if (logicalId(stage.get("ApiId")).equals(api)) {
                    JsonNode throttle = properties.path("Throttle");
                    return Optional.of(new UsagePlan(resource.getKey(), throttle.path("BurstLimit").asInt(0),
                            throttle.path("RateLimit").asDouble(0)));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<AuthorizerSpec> authorizer(JsonNode event, String where) {
        JsonNode apiAuth = apiAuth(event.get("RestApiId"));
        String name = event.path("Auth").path("Authorizer").asText(apiAuth.path("DefaultAuthorizer").asText(null));
        if (name == null || name.equals("NONE")) {
            return Optional.empty();
        }
        JsonNode definition = apiAuth.path("Authorizers").path(name);
        if (!definition.isObject()) {
            throw invalid(where + " uses authorizer " + name + ", which its API does not define");
        }
        String payloadType = definition.path("FunctionPayloadType").asText("TOKEN");
        if (!payloadType.equals("REQUEST")) {
            throw invalid("authorizer " + name + " is a " + payloadType + " authorizer; the sandbox emulates"
                    + " REQUEST authorizers only");
        }
        String functionName = logicalId(definition.get("FunctionArn"))
                .orElseThrow(() -> invalid("authorizer " + name + " has no FunctionArn naming a function"));
        JsonNode identity = definition.path("Identity");
        Duration ttl = identity.has("ReauthorizeEvery")
                ? Duration.ofSeconds(identity.get("ReauthorizeEvery").asLong()) : DEFAULT_TTL;
        return Optional.of(new AuthorizerSpec(name, functionName, handlerClass(functionName),
                texts(identity.path("QueryStrings")), texts(identity.path("Headers")), ttl));
    }

    /** The Auth section of the event's API: an AWS::Serverless::Api resource, else the implicit API's Globals. */
    private JsonNode apiAuth(JsonNode restApiId) {
        Optional<String> api = logicalId(restApiId);
        JsonNode globalAuth = root.path("Globals").path("Api").path("Auth");
        if (api.isEmpty()) {
            return globalAuth;
        }
        JsonNode resource = root.path("Resources").path(api.get());
        if (resource.isMissingNode()) {
            throw invalid("RestApiId " + api.get() + " names no resource");
        }
        JsonNode auth = resource.path("Properties").path("Auth");
        return auth.isMissingNode() ? globalAuth : auth;
    }

    private String handlerClass(String functionName) {
        JsonNode function = root.path("Resources").path(functionName);
        if (!FUNCTION_TYPE.equals(function.path("Type").asText())) {
            throw invalid(functionName + " is not an " + FUNCTION_TYPE);
        }
        String handler = function.path("Properties").path("Handler")
                .asText(root.path("Globals").path("Function").path("Handler").asText(""));
        if (handler.isBlank()) {
            throw invalid(functionName + " has no Handler");
        }
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    /** The resource a Ref, GetAtt or Sub points at, in short or long form. */
    static Optional<String> logicalId(JsonNode reference) {
        if (reference == null || reference.isNull() || reference.isMissingNode()) {
            return Optional.empty();
        }
        if (reference.isTextual()) {
            Matcher sub = SUB_ARN.matcher(reference.asText());
            if (sub.find()) {
                return Optional.of(sub.group(1));
            }
            String text = reference.asText();
            int dot = text.indexOf('.');
            return Optional.of(dot < 0 ? text : text.substring(0, dot));
        }
        if (reference.isArray()) {
            return logicalId(reference.get(0));
        }
        for (String function : List.of("Ref", "Fn::GetAtt", "Fn::Sub")) {
            if (reference.has(function)) {
                return logicalId(reference.get(function));
            }
        }
        return Optional.empty();
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(where + " has no " + field);
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException("template.yaml: " + problem);
    }
}

package dev.ticketing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.local.ProjectFiles;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as SAM reads it: every {@code AWS::Serverless::Function} with the Globals SAM applies to it, and
 * every {@code Api} event of those functions with the authorizer and usage plan API Gateway puts in front of it. The
 * Lambda runtime harness runs these functions and the sandbox serves these routes, so a new function in the template
 * is a new function and a new route for both.
 */
public final class SamTemplate {

    /** System property naming the template file; without it the template is found above the working directory. */
    public static final String TEMPLATE_PROPERTY = "ticketing.template";
    public static final String TEMPLATE_FILE = "template.yaml";

    /** SAM's default for {@code ReauthorizeEvery}. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(300);
    // SAM's documented defaults, used when neither Globals nor the function set a value.
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");
    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final String USAGE_PLAN_TYPE = "AWS::ApiGateway::UsagePlan";

    private final Path file;
    private final JsonNode root;

    private SamTemplate(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The project's template: {@code -Dticketing.template=...}, else the nearest {@code template.yaml} upwards. */
    public static SamTemplate load() {
        return read(locate());
    }

    public static SamTemplate read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new SamTemplate(file, CloudFormationYaml.read(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    /** A template given as text, as if it were {@code template.yaml} in the working directory. */
    static SamTemplate parse(String yaml) {
        try {
            return new SamTemplate(Path.of(TEMPLATE_FILE).toAbsolutePath(),
                    CloudFormationYaml.read(new StringReader(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse the template", e);
        }
    }

    /** Where {@link #load()} reads the project's template from. */
    public static Path locate() {
        String override = System.getProperty(TEMPLATE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("-D" + TEMPLATE_PROPERTY + " names " + path + ", which does not exist");
            }
            return path;
        }
        Path start = ProjectFiles.workingDirectory();
        return ProjectFiles.findUpwards(start, Path.of(TEMPLATE_FILE))
                .orElseThrow(() -> new IllegalStateException("No " + TEMPLATE_FILE + " in " + start
                        + " or any parent directory; set -D" + TEMPLATE_PROPERTY + "=/path/to/" + TEMPLATE_FILE));
    }

    public Path file() {
        return file;
    }

    /** The whole template as a tree, short-form intrinsics ({@code !Ref X}) in their long form ({"Ref": "X"}). */
    public JsonNode root() {
        return root;
    }

    /** Every function of the template, in template order. */
    public List<TemplateFunction> functions() {
        JsonNode globals = root.path("Globals").path("Function");
        List<TemplateFunction> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : functionResources()) {
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            Map<String, JsonNode> environment = new LinkedHashMap<>();
            globals.path("Environment").path("Variables").properties()
                    .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
            properties.path("Environment").path("Variables").properties()
                    .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
            String logFormat = property(id, "LoggingConfig").path("LogFormat")
                    .asText(globals.path("LoggingConfig").path("LogFormat").asText("Text"));
            functions.add(new TemplateFunction(id, handler(id), requiredText(id, "Runtime"),
                    file.toAbsolutePath().getParent().resolve(requiredText(id, "CodeUri")).normalize(),
                    property(id, "MemorySize").asInt(DEFAULT_MEMORY_MB),
                    property(id, "Timeout").asInt(DEFAULT_TIMEOUT_SECONDS),
                    environment,
                    "JSON".equalsIgnoreCase(logFormat) ? TemplateFunction.LogFormat.JSON
                            : TemplateFunction.LogFormat.TEXT));
        }
        return functions;
    }

    /** Every {@code Api} event of every function, sorted by path, then method. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : functionResources()) {
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

    /**
     * Every scheduled event ({@code ScheduleV2} or {@code Schedule}) of every function: the function and its
     * expression, e.g. {@code rate(5 minutes)}.
     */
    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : functionResources()) {
            JsonNode events = function.getValue().path("Properties").path("Events");
            for (Map.Entry<String, JsonNode> event : events.properties()) {
                String type = event.getValue().path("Type").asText();
                if ("ScheduleV2".equals(type) || "Schedule".equals(type)) {
                    schedules.add(new Schedule(function.getKey(), handlerClass(function.getKey()),
                            event.getValue().path("Properties").path("ScheduleExpression").asText()));
                }
            }
        }
        return List.copyOf(schedules);
    }

    /** A function invoked on a schedule rather than by a request. */
    public record Schedule(String functionName, String handlerClass, String expression) {
    }

    private List<Map.Entry<String, JsonNode>> functionResources() {
        List<Map.Entry<String, JsonNode>> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            if (FUNCTION_TYPE.equals(resource.getValue().path("Type").asText())) {
                functions.add(resource);
            }
        }
        return functions;
    }

    /** A property of the function, else of Globals.Function (SAM's rule for the properties Globals may set). */
    private JsonNode property(String functionName, String name) {
        JsonNode properties = root.path("Resources").path(functionName).path("Properties");
        return properties.has(name) ? properties.path(name) : root.path("Globals").path("Function").path(name);
    }

    private String requiredText(String functionName, String name) {
        JsonNode value = property(functionName, name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid("function " + functionName + " has no " + name);
        }
        return value.asText();
    }

    private String handler(String functionName) {
        JsonNode function = root.path("Resources").path(functionName);
        if (!FUNCTION_TYPE.equals(function.path("Type").asText())) {
            throw invalid(functionName + " is not an " + FUNCTION_TYPE);
        }
        return requiredText(functionName, "Handler");
    }

    /** The class a handler string names: {@code package.Class::method} or {@code package.Class}. */
    private String handlerClass(String functionName) {
        String handler = handler(functionName);
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
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

package dev.ticketing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads every function of a SAM template, with the Globals SAM applies to it. */
public final class TemplateFunctions {

    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    // SAM's documented defaults, used when neither Globals nor the function set a value.
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private TemplateFunctions() {
    }

    public static JsonNode readTemplate(Path template) {
        try (Reader reader = Files.newBufferedReader(template)) {
            return CloudFormationYaml.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + template, e);
        }
    }

    /** Every function of the template, in template order. */
    public static List<TemplateFunction> load(Path template) {
        JsonNode root = readTemplate(template);
        JsonNode globals = root.path("Globals").path("Function");
        List<TemplateFunction> functions = new ArrayList<>();
        root.path("Resources").properties().forEach(resource -> {
            if (!FUNCTION_TYPE.equals(resource.getValue().path("Type").asText())) {
                return;
            }
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            String handler = text(properties, globals, "Handler", id);
            String runtime = text(properties, globals, "Runtime", id);
            String codeUri = text(properties, globals, "CodeUri", id);
            Map<String, JsonNode> environment = new LinkedHashMap<>();
            globals.path("Environment").path("Variables").properties()
                    .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
            properties.path("Environment").path("Variables").properties()
                    .forEach(variable -> environment.put(variable.getKey(), variable.getValue()));
            String logFormat = properties.path("LoggingConfig").path("LogFormat")
                    .asText(globals.path("LoggingConfig").path("LogFormat").asText("Text"));
            functions.add(new TemplateFunction(id, handler, runtime,
                    template.toAbsolutePath().getParent().resolve(codeUri).normalize(),
                    properties.path("MemorySize").asInt(globals.path("MemorySize").asInt(DEFAULT_MEMORY_MB)),
                    properties.path("Timeout").asInt(globals.path("Timeout").asInt(DEFAULT_TIMEOUT_SECONDS)),
                    environment,
                    "JSON".equalsIgnoreCase(logFormat) ? TemplateFunction.LogFormat.JSON
                            : TemplateFunction.LogFormat.TEXT));
        });
        return functions;
    }

    /** Logical ids of the functions that some API in the template uses as its Lambda authorizer. */
    public static Set<String> authorizerFunctions(JsonNode root) {
        Set<String> ids = new LinkedHashSet<>();
        root.path("Resources").forEach(resource -> resource.path("Properties").path("Auth").path("Authorizers")
                .forEach(authorizer -> {
                    JsonNode arn = authorizer.path("FunctionArn");
                    // !GetAtt Fn.Arn, or !Ref Fn.Alias (SAM's alias reference)
                    JsonNode getAtt = arn.path("Fn::GetAtt");
                    JsonNode target = arn.has("Ref") ? arn.path("Ref") : getAtt.isArray() ? getAtt.path(0) : getAtt;
                    String name = target.asText();
                    int dot = name.indexOf('.');
                    ids.add(dot < 0 ? name : name.substring(0, dot));
                }));
        return ids;
    }

    private static String text(JsonNode properties, JsonNode globals, String name, String id) {
        JsonNode value = properties.has(name) ? properties.path(name) : globals.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("Function " + id + " has no " + name + " in the template");
        }
        return value.asText();
    }
}

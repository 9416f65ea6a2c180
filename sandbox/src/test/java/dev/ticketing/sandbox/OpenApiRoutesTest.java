package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ticketing.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml describes exactly the routes template.yaml deploys, each with the gateway's own errors. */
class OpenApiRoutesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final SamTemplate template = SamTemplate.load();
    private final JsonNode spec = readSpec(template.file().resolveSibling(Sandbox.OPENAPI_SPEC));

    @Test
    void everyTemplateRoute_isInTheSpec_andEverySpecOperation_isInTheTemplate() {
        Set<String> templateRoutes = new TreeSet<>();
        template.routes().forEach(route -> templateRoutes.add(route.toString()));

        assertThat(specOperations()).isEqualTo(templateRoutes);
    }

    @Test
    void everyOperation_documentsTheGatewaysOwnAnswers_unauthorizedAndThrottled() {
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    assertThat(operation.getValue().path("responses").has("401"))
                            .as(operation.getKey() + " " + path.getKey()).isTrue();
                    assertThat(operation.getValue().path("responses").has("429"))
                            .as(operation.getKey() + " " + path.getKey()).isTrue();
                }
            }
        }
    }

    @Test
    void theKeyScheme_isTheQueryParameterTheAuthorizerReads() {
        JsonNode scheme = spec.path("components").path("securitySchemes").path(DocsPages.SECURITY_SCHEME);

        assertThat(scheme.path("in").asText()).isEqualTo("query");
        assertThat(scheme.path("name").asText()).isEqualTo("key");
        assertThat(spec.path("security").get(0).has(DocsPages.SECURITY_SCHEME)).isTrue();
    }

    /** The functions refuse any query parameter a route does not take: the spec lists exactly those. */
    @Test
    void everyOperationsQueryParameters_areTheOnesItsFunctionAccepts() {
        Map<String, Set<String>> documented = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                Set<String> names = new TreeSet<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode resolved = parameter.has("$ref")
                            ? spec.at(parameter.get("$ref").asText().substring(1)) : parameter;
                    if ("query".equals(resolved.path("in").asText())) {
                        names.add(resolved.path("name").asText());
                    }
                }
                documented.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), names);
            }
        }
        Map<String, Set<String>> accepted = new java.util.TreeMap<>();
        dev.ticketing.http.QueryParameters.BY_ROUTE.forEach((route, names) -> accepted.put(route, new TreeSet<>(
                names)));

        assertThat(documented).isEqualTo(accepted);
    }

    private Set<String> specOperations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (String method : iterable(path.getValue())) {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node::fieldNames;
    }

    private static JsonNode readSpec(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}

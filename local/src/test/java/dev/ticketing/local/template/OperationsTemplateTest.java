package dev.ticketing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What template.yaml promises operators (docs/operations.md), checked for every function and route it declares. */
class OperationsTemplateTest {

    private final JsonNode template = SamTemplate.load().root();
    private final JsonNode resources = template.path("Resources");

    @Test
    void stageTracingIsOff_becauseItsSegmentsRecordTheQueryStringWithTheApiKey_whileFunctionsAreTraced() {
        JsonNode api = resources.path("TicketingApi").path("Properties");

        assertThat(api.path("TracingEnabled").asBoolean(true)).isFalse();
        assertThat(api.path("MethodSettings").findValues("DataTraceEnabled")).isEmpty();
        assertThat(api.path("MethodSettings").findValues("LoggingLevel")).isEmpty();
        assertThat(template.path("Globals").path("Function").path("Tracing").asText()).isEqualTo("Active");
    }

    @Test
    void functionsGetTheSecretsParameterName_neverTheSecret() {
        JsonNode variables = template.path("Globals").path("Function").path("Environment").path("Variables");

        assertThat(variables.path("CONTINUATION_TOKEN_SECRET_PARAMETER").path("Ref").asText())
                .isEqualTo("ContinuationTokenSecretParameterName");
        assertThat(variables.has("CONTINUATION_TOKEN_SECRET")).isFalse();
    }

    @Test
    void everyFunction_hasALogGroupWithTheRetention_theSecretReadPolicy_andErrorAndThrottleAlarms() {
        List<String> functions = ids("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();

        for (String function : functions) {
            JsonNode properties = resources.path(function).path("Properties");
            String logGroup = properties.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            assertThat(resources.path(logGroup).path("Type").asText()).as(function + " log group")
                    .isEqualTo("AWS::Logs::LogGroup");
            assertThat(resources.path(logGroup).path("Properties").path("RetentionInDays").path("Ref").asText())
                    .isEqualTo("LogRetentionInDays");
            assertThat(properties.path("Policies").findValuesAsText("Ref")).as(function + " policies")
                    .contains("TokenSecretReadPolicy");
            assertThat(alarmsOn("AWS/Lambda", Map.of("FunctionName", function)))
                    .as(function + " alarms").containsExactlyInAnyOrder("Errors", "Throttles");
        }
    }

    @Test
    void everyRoute_hasAP99LatencyAlarm() {
        for (String function : ids("AWS::Serverless::Function")) {
            for (JsonNode event : resources.path(function).path("Properties").path("Events")) {
                if (!"Api".equals(event.path("Type").asText())) {
                    continue;
                }
                String path = event.path("Properties").path("Path").asText();
                String method = event.path("Properties").path("Method").asText().toUpperCase();

                List<JsonNode> alarms = new ArrayList<>();
                for (String id : ids("AWS::CloudWatch::Alarm")) {
                    JsonNode alarm = resources.path(id).path("Properties");
                    if ("Latency".equals(alarm.path("MetricName").asText())
                            && path.equals(dimension(alarm, "Resource")) && method.equals(dimension(alarm, "Method"))) {
                        alarms.add(alarm);
                    }
                }
                assertThat(alarms).as(method + " " + path).hasSize(1);
                assertThat(alarms.get(0).path("ExtendedStatistic").asText()).isEqualTo("p99");
            }
        }
    }

    @Test
    void theSecretReadPolicy_allowsExactlyTheNamedParameter_andDecryptionOnlyThroughParameterStore() {
        JsonNode statements = resources.path("TokenSecretReadPolicy").path("Properties").path("PolicyDocument")
                .path("Statement");

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("Action").asText()).isEqualTo("ssm:GetParameter");
        assertThat(statements.get(0).path("Resource").path("Fn::Sub").asText())
                .endsWith(":parameter${ContinuationTokenSecretParameterName}");
        assertThat(statements.get(1).path("Action").asText()).isEqualTo("kms:Decrypt");
        assertThat(statements.get(1).path("Condition").path("StringEquals").path("kms:ViaService")
                .path("Fn::Sub").asText()).isEqualTo("ssm.${AWS::Region}.amazonaws.com");
    }

    private List<String> ids(String type) {
        List<String> ids = new ArrayList<>();
        resources.properties().forEach(resource -> {
            if (type.equals(resource.getValue().path("Type").asText())) {
                ids.add(resource.getKey());
            }
        });
        return ids;
    }

    /** Metric names of the single-metric alarms in {@code namespace} whose dimensions reference these resources. */
    private List<String> alarmsOn(String namespace, Map<String, String> refDimensions) {
        List<String> metrics = new ArrayList<>();
        for (String id : ids("AWS::CloudWatch::Alarm")) {
            JsonNode alarm = resources.path(id).path("Properties");
            boolean matches = namespace.equals(alarm.path("Namespace").asText());
            for (Map.Entry<String, String> dimension : refDimensions.entrySet()) {
                matches &= dimensionNode(alarm, dimension.getKey()).path("Ref").asText().equals(dimension.getValue());
            }
            if (matches) {
                metrics.add(alarm.path("MetricName").asText());
            }
        }
        return metrics;
    }

    private static String dimension(JsonNode alarm, String name) {
        return dimensionNode(alarm, name).asText();
    }

    private static JsonNode dimensionNode(JsonNode alarm, String name) {
        for (JsonNode dimension : alarm.path("Dimensions")) {
            if (name.equals(dimension.path("Name").asText())) {
                return dimension.path("Value");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}

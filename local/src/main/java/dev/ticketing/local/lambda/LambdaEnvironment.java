package dev.ticketing.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.local.template.TemplateFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole environment of a function's process, as Lambda sets it: the template's variables (Globals, then the
 * function's), with local values for those the template computes ({@code !Ref TicketsTable}) or that must point at
 * local services, plus the variables Lambda itself defines. Nothing is inherited from the caller's environment, so
 * a function that reads a variable the template does not give fails here as it would on AWS.
 */
public final class LambdaEnvironment {

    private LambdaEnvironment() {
    }

    /**
     * @param localValues values that replace the template's (table name, endpoint, secrets) and the AWS
     *                    credentials and region the function's SDK clients use
     */
    public static Map<String, String> of(TemplateFunction function, Path taskRoot, Map<String, String> localValues) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> variable : function.environment().entrySet()) {
            String name = variable.getKey();
            if (localValues.containsKey(name)) {
                environment.put(name, localValues.get(name));
            } else if (variable.getValue().isValueNode()) {
                environment.put(name, variable.getValue().asText());
            } else {
                throw new IllegalArgumentException(function.logicalId() + "'s environment variable " + name
                        + " is computed by CloudFormation (" + variable.getValue() + "); give it a local value");
            }
        }
        localValues.forEach(environment::putIfAbsent);
        // Reserved variables of Lambda's Java runtimes (docs: "Defined runtime environment variables").
        environment.put("_HANDLER", function.handler());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        environment.put("AWS_LAMBDA_LOG_FORMAT", function.logFormat() == TemplateFunction.LogFormat.JSON
                ? "JSON" : "Text");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        // Read by the emulator, which enforces the function's timeout as Lambda does.
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
        return environment;
    }
}

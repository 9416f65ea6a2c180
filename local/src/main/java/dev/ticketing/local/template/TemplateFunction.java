package dev.ticketing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as the managed runtime would start it: its handler string,
 * memory, timeout and environment (Globals merged with its own; values that are intrinsics such as {@code !Ref} stay
 * JSON until a local value replaces them).
 *
 * @param codeUri the function's Maven module directory ({@code CodeUri}), relative to the template
 */
public record TemplateFunction(String logicalId, String handler, String runtime, Path codeUri, int memorySizeMb,
                               int timeoutSeconds, Map<String, JsonNode> environment, LogFormat logFormat) {

    /** {@code LoggingConfig.LogFormat}: Lambda tells the runtime client through {@code AWS_LAMBDA_LOG_FORMAT}. */
    public enum LogFormat { TEXT, JSON }

}

package dev.ticketing.local.lambda;

import dev.ticketing.local.template.SamTemplate;
import dev.ticketing.local.template.TemplateFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/**
 * Runs the template's functions the way Lambda runs them: each in its own {@link LambdaProcess} (the emulator and
 * the runtime interface client, the template's handler string, memory, timeout and environment), from its
 * deployment jar. Shared by the tests, the sandbox and the cold-start benchmark. Closing it stops every process.
 */
public final class LambdaHarness implements AutoCloseable {

    /** Where each function's code comes from. */
    public enum Artifacts {
        /** The function's jar from the Maven build, alone: what is deployed. */
        MAVEN,
        /**
         * The function's jar from the Maven build plus the strict-limits layer ({@code DynamoDbLimits}), so that a
         * local engine refuses what DynamoDB would (docs/limits.md). For tests and the sandbox; not for cold-start
         * measurements.
         */
        MAVEN_WITH_DYNAMODB_LIMITS,
        /** What {@code sam build} left in {@code .aws-sam/build}. */
        SAM_BUILD
    }

    private final LambdaRuntime runtime;
    private final List<TemplateFunction> functions;
    private final Map<String, String> localValues;
    private final Artifacts artifacts;
    private final BiConsumer<String, String> log;
    private final List<LambdaProcess> started = new ArrayList<>();

    private LambdaHarness(LambdaRuntime runtime, List<TemplateFunction> functions, Map<String, String> localValues,
                          Artifacts artifacts, BiConsumer<String, String> log) {
        this.runtime = runtime;
        this.functions = functions;
        this.localValues = localValues;
        this.artifacts = artifacts;
        this.log = log;
    }

    /**
     * @param localValues environment values for what the template computes or points at AWS (table name, endpoint,
     *                    secrets, region, credentials); see {@link LambdaEnvironment}
     */
    public static LambdaHarness forTemplate(SamTemplate template, Map<String, String> localValues,
                                            Artifacts artifacts, BiConsumer<String, String> log) {
        return new LambdaHarness(LambdaRuntime.locate(template.file()), template.functions(),
                Map.copyOf(localValues), artifacts, log);
    }

    public List<TemplateFunction> functions() {
        return functions;
    }

    public TemplateFunction function(String logicalId) {
        return functions.stream().filter(function -> function.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No function " + logicalId + " in the template"));
    }

    public LambdaRuntime runtime() {
        return runtime;
    }

    /** Starts a new execution environment of {@code logicalId}; it initialises on its first invocation. */
    public LambdaProcess start(String logicalId, List<String> extraJvmOptions) {
        TemplateFunction function = function(logicalId);
        Path taskRoot = switch (artifacts) {
            case SAM_BUILD -> FunctionArtifacts.fromSamBuild(runtime.projectRoot(), function);
            case MAVEN -> FunctionArtifacts.fromMavenBuild(runtime.projectRoot(), function, "deployed", List.of());
            case MAVEN_WITH_DYNAMODB_LIMITS -> FunctionArtifacts.fromMavenBuild(runtime.projectRoot(), function,
                    "with-dynamodb-limits", List.of(runtime.dynamoDbLimitsJar()));
        };
        LambdaProcess process = LambdaProcess.start(runtime, function, taskRoot,
                LambdaEnvironment.of(function, taskRoot, localValues), extraJvmOptions, log);
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    public LambdaProcess start(String logicalId) {
        return start(logicalId, List.of());
    }

    @Override
    public void close() {
        List<LambdaProcess> all;
        synchronized (started) {
            all = new ArrayList<>(started);
            started.clear();
        }
        all.forEach(LambdaProcess::close);
    }
}

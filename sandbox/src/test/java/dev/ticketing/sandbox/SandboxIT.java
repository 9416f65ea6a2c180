package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sandbox's contract with every function called in the sandbox's own JVM ({@code SANDBOX_RUNTIME=in-process}). */
class SandboxIT extends SandboxContract {

    @Override
    protected Options.FunctionRuntime runtime() {
        return Options.FunctionRuntime.IN_PROCESS;
    }

    @Test
    void secondSandboxOnAnotherTable_isRefused_becauseTheFunctionsShareOneConfigurationPerJvm() {
        assertThatThrownBy(() -> Sandbox.start(Options.defaults().withPort(0)
                .withRuntime(Options.FunctionRuntime.IN_PROCESS)
                .withDynamoDbEndpoint(table.endpoint()).withTableName(table.tableName() + "-other")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(table.tableName());
    }
}

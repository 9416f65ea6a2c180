package dev.ticketing.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.auth.UnauthorizedSignal;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class AuthorizerHandlerIT {

    private static AuthorizerHandler handler;
    private static CreatedInstance demo;

    @BeforeAll
    static void setUp(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        demo = Fixtures.createDemoInstance(deps, Fixtures.DEMO_INSTANCE_ID, Fixtures.DEMO_PRIMARY_KEY);
        handler = new AuthorizerHandler(deps.authenticator());
    }

    @Test
    void sampleEvent_allowsTheWholeApi_andPassesTheInstanceId() {
        Map<String, Object> response = handler.handle(Fixtures.authorizerEvent("authorizer.json"), null);

        assertThat(response).containsEntry("principalId", Fixtures.DEMO_INSTANCE_ID)
                .containsEntry("context", Map.of("instanceId", Fixtures.DEMO_INSTANCE_ID));
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = ((List<Map<String, Object>>) ((Map<String, Object>) response
                .get("policyDocument")).get("Statement")).get(0);
        assertThat(statement).containsEntry("Effect", "Allow")
                .containsEntry("Resource", "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/*");
    }

    @Test
    void secondaryKey_isAllowed() {
        APIGatewayCustomAuthorizerEvent event = Fixtures.authorizerEvent("authorizer.json");
        event.setQueryStringParameters(Map.of("key", demo.secondaryKey()));

        assertThat(handler.handle(event, null)).containsEntry("principalId", Fixtures.DEMO_INSTANCE_ID);
    }

    @Test
    void missingOrWrongKey_isDeniedWithTheUnauthorizedSignal() {
        APIGatewayCustomAuthorizerEvent wrong = Fixtures.authorizerEvent("authorizer.json");
        wrong.setQueryStringParameters(Map.of("key", "x".repeat(43)));
        APIGatewayCustomAuthorizerEvent missing = Fixtures.authorizerEvent("authorizer.json");
        missing.setQueryStringParameters(null);

        assertThatThrownBy(() -> handler.handle(wrong, null))
                .isInstanceOf(UnauthorizedSignal.class).hasMessage("Unauthorized");
        assertThatThrownBy(() -> handler.handle(missing, null))
                .isInstanceOf(UnauthorizedSignal.class).hasMessage("Unauthorized");
    }

    @Test
    void wholeApi_keepsApiAndStage_andWildcardsMethodAndPath() {
        assertThat(AuthorizerHandler.wholeApi("arn:aws:execute-api:eu-west-1:123:abc/prod/POST/tickets"))
                .isEqualTo("arn:aws:execute-api:eu-west-1:123:abc/prod/*");
    }
}

package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import org.junit.jupiter.api.Test;

class IamPolicyTest {

    private static final String GET_TICKET = "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/GET/tickets/1";

    @Test
    void wildcardAllow_coversEveryMethodOfTheStage() throws Exception {
        assertThat(IamPolicy.evaluate(policy("""
                {"Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
                  "Resource": "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/*"}]}"""), GET_TICKET))
                .isEqualTo(IamPolicy.Decision.ALLOW);
    }

    @Test
    void explicitDeny_winsOverAllow() throws Exception {
        assertThat(IamPolicy.evaluate(policy("""
                {"Statement": [
                  {"Effect": "Allow", "Action": "execute-api:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": ["execute-api:Invoke"], "Resource": ["arn:*:sandbox/v1/GET/tickets/?"]}
                ]}"""), GET_TICKET))
                .isEqualTo(IamPolicy.Decision.EXPLICIT_DENY);
    }

    @Test
    void allowForAnotherMethod_isAnImplicitDeny() throws Exception {
        assertThat(IamPolicy.evaluate(policy("""
                {"Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
                  "Resource": "arn:aws:execute-api:us-east-1:000000000000:sandbox/v1/POST/*"}}"""), GET_TICKET))
                .isEqualTo(IamPolicy.Decision.IMPLICIT_DENY);
    }

    private static JsonNode policy(String json) throws Exception {
        return Json.parse(json);
    }
}

package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's contract with every function in its own execution environment under Lambda's runtime interface
 * client (the default, {@code SANDBOX_RUNTIME=lambda}).
 */
class LambdaSandboxIT extends SandboxContract {

    @Override
    protected Options.FunctionRuntime runtime() {
        return Options.FunctionRuntime.LAMBDA;
    }

    @Test
    void concurrentRequestsToOneFunction_allSucceed_moreEnvironmentsOrWaiting_neverRefused() throws Exception {
        String key = URLEncoder.encode(sandbox.primaryKey(), StandardCharsets.UTF_8);
        int created = post("/tickets?key=" + key, ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1))
                .statusCode();
        assertThat(created).isEqualTo(201);
        int requests = RuntimeFunction.MAX_ENVIRONMENTS * 2;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> get("/tickets?key=" + key + "&limit=5")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode items = Json.parse(response.body()).path("items");
                assertThat(items.isArray() && items.size() > 0).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

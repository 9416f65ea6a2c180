package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ticketing.local.dynamodb.TemplateTable;
import dev.ticketing.local.template.SamTemplate;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer page as a browser shows it: headless Chromium loads /docs from the sandbox's server and Swagger UI
 * renders every operation of docs/openapi.yaml. Skipped where no chromium is installed (CI installs it).
 */
class DocsPageIT {

    private static final String DEMO_KEY = "demo-key-for-the-docs-page-0123456789";
    private static final long BROWSER_TIMEOUT_SECONDS = 60;

    @TempDir
    Path profile;

    private SandboxServer server;

    @BeforeEach
    void startServer() {
        Path template = TemplateTable.load().template();
        Gateway noApi = new Gateway(new Router(List.of()), new Functions(Map.of(), Map.of()),
                new Authorizers(new Functions(Map.of(), Map.of()), Clock.systemUTC(), Optional.empty()),
                Clock.systemUTC());
        server = SandboxServer.start(noApi,
                List.of(DocsPages.load(template.resolveSibling(Sandbox.OPENAPI_SPEC), DEMO_KEY)), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void specAndPage_areServedWithoutAKey_andThePageCarriesTheDemoKey() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> spec = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/openapi.yaml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> initializer = http.send(HttpRequest.newBuilder(
                server.baseUri().resolve("/docs/swagger-initializer.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> escape = http.send(HttpRequest.newBuilder(
                server.baseUri().resolve("/docs/..%2F..%2Fpom.properties")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: \"3.0.3\"", "url: \"/\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(initializer.body()).contains("preauthorizeApiKey(\"apiKey\", \"" + DEMO_KEY + "\")");
        assertThat(escape.statusCode()).isEqualTo(404);
    }

    @Test
    void chromium_rendersEveryOperationOfTheSpec() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed");

        String dom = dumpDom(chromium.get(), server.baseUri().resolve("/docs/"));

        for (String operation : List.of("/tickets", "/tickets/{ticketId}", "/tickets/{ticketId}/status",
                "/tickets/{ticketId}/activities", "/tickets/{ticketId}/comments", "/tickets/{ticketId}/attachments",
                "/tickets/activity/{activityId}/attachments", "/instance", "/tags", "/webhooks",
                "/webhooks/{webhookId}", "/webhooks/{webhookId}/deliveries",
                "/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver")) {
            assertThat(dom).as(operation).contains("data-path=\"" + operation + "\"");
        }
        // One operation per route of template.yaml, which OpenApiRoutesTest holds equal to the spec's.
        assertThat(dom.split("class=\"opblock-summary-path\"", -1)).hasSize(SamTemplate.load().routes().size() + 1);
        // A locked padlock: the demo key is filled in, so "Try it out" works without typing it.
        assertThat(dom).contains("authorize locked");
    }

    private String dumpDom(Path chromium, URI page) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile, "dom", ".html");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("profile"),
                "--virtual-time-budget=15000", "--dump-dom", page.toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!browser.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s");
        }
        assertThat(browser.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

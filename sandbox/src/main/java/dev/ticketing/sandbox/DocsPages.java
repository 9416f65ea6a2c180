package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ticketing.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The sandbox's own pages, outside the API and its key: the OpenAPI spec at {@code /openapi.yaml} and Swagger UI
 * (served from the swagger-ui webjar on the classpath, no network) at {@code /docs/}, with the demo key filled in.
 */
final class DocsPages implements LocalEndpoint {

    static final String SPEC_PATH = "/openapi.yaml";
    static final String DOCS_PATH = "/docs";
    /** The security scheme of docs/openapi.yaml that carries the {@code key} query parameter. */
    static final String SECURITY_SCHEME = "apiKey";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png");

    private final byte[] spec;
    private final byte[] initializer;
    private final String webjarRoot;

    private DocsPages(byte[] spec, byte[] initializer, String webjarRoot) {
        this.spec = spec;
        this.initializer = initializer;
        this.webjarRoot = webjarRoot;
    }

    /** {@code spec} is docs/openapi.yaml; the page signs its calls with {@code demoKey}. */
    static DocsPages load(Path spec, String demoKey) {
        return new DocsPages(servedSpec(spec), initializer(demoKey), WEBJAR + webjarVersion() + "/");
    }

    /** The page or file for a GET of a docs path; empty for any other request, which is the API's. */
    @Override
    public Optional<OutgoingResponse> handle(IncomingRequest in) {
        if (!in.method().equals("GET")) {
            return Optional.empty();
        }
        String path = in.rawPath();
        if (path.equals(SPEC_PATH)) {
            return Optional.of(ok("application/yaml; charset=utf-8", spec));
        }
        if (path.equals(DOCS_PATH)) {
            // The page links its assets relatively, so it must be read from a URL ending in a slash.
            return Optional.of(response(302, Map.of("Location", DOCS_PATH + "/"), new byte[0]));
        }
        if (!path.startsWith(DOCS_PATH + "/")) {
            return Optional.empty();
        }
        String name = path.substring(DOCS_PATH.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (name.equals("swagger-initializer.js")) {
            return Optional.of(ok(TYPES.get("js"), initializer));
        }
        if (!ASSET_NAME.matcher(name).matches()) {
            return Optional.of(notFound());
        }
        byte[] asset = classpath(webjarRoot + name);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return Optional.of(asset == null ? notFound() : ok(TYPES.getOrDefault(extension,
                "application/octet-stream"), asset));
    }

    /** The spec with this sandbox as its first server: a relative URL resolves against wherever it was read. */
    private static byte[] servedSpec(Path spec) {
        try {
            YAMLMapper yaml = new YAMLMapper();
            ObjectNode root = (ObjectNode) yaml.readTree(spec.toFile());
            List<Object> servers = new ArrayList<>();
            servers.add(Map.of("url", "/", "description", "This sandbox"));
            root.path("servers").forEach(server -> servers.add(yaml.convertValue(server, Object.class)));
            root.set("servers", yaml.valueToTree(servers));
            return yaml.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI spec " + spec, e);
        }
    }

    private static byte[] initializer(String demoKey) {
        String script = """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    url: "%s",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout",
                    onComplete: function () {
                      window.ui.preauthorizeApiKey("%s", %s);
                    }
                  });
                };
                """.formatted(SPEC_PATH, SECURITY_SCHEME, Json.write(Json.MAPPER.valueToTree(demoKey)));
        return script.getBytes(StandardCharsets.UTF_8);
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = DocsPages.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the swagger-ui webjar's version", e);
        }
        return properties.getProperty("version");
    }

    private static byte[] classpath(String resource) {
        try (InputStream in = DocsPages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static OutgoingResponse ok(String contentType, byte[] body) {
        return response(200, Map.of("Content-Type", contentType), body);
    }

    private static OutgoingResponse notFound() {
        return response(404, Map.of("Content-Type", "text/plain; charset=utf-8"),
                "Not found".getBytes(StandardCharsets.UTF_8));
    }

    private static OutgoingResponse response(int status, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new OutgoingResponse(status, all, body);
    }
}

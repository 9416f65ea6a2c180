package dev.ticketing.sandbox;

import dev.ticketing.local.template.Route;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the sandbox prints once it is up: where it listens, the demo instance and its keys, curl commands to try. */
final class Banner {

    private Banner() {
    }

    static String text(Sandbox sandbox) {
        String base = sandbox.baseUri().toString();
        String key = URLEncoder.encode(sandbox.primaryKey(), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        out.append("\nTicketing sandbox is up.\n\n");
        out.append("  API URL        ").append(base).append('\n');
        out.append("  API explorer   ").append(base).append(DocsPages.DOCS_PATH).append("  (spec: ").append(base)
                .append(DocsPages.SPEC_PATH).append(")\n");
        out.append("  DynamoDB       ").append(sandbox.dynamoDbEndpoint())
                .append(sandbox.startedMoto() ? " (moto, started by the sandbox, in memory)" : " (DYNAMODB_ENDPOINT)")
                .append(", table ").append(sandbox.tableName())
                .append(sandbox.tableCreated() ? " (created from template.yaml)" : " (already there)").append('\n');
        out.append("  Attachments    bucket ").append(sandbox.attachmentsBucket()).append(" on ")
                .append(sandbox.dynamoDbEndpoint()).append(" (upload and download URLs point there)\n");
        out.append("  Functions      ").append(sandbox.runtime() == Options.FunctionRuntime.LAMBDA
                ? "each under Lambda's runtime client, started on its first request (SANDBOX_RUNTIME=lambda)"
                : "in this JVM (SANDBOX_RUNTIME=in-process)").append('\n');
        out.append("  Instance id    ").append(sandbox.instanceId()).append('\n');
        out.append("  Primary key    ").append(sandbox.primaryKey()).append('\n');
        out.append("  Secondary key  ").append(sandbox.secondaryKey()).append("\n\n");
        out.append("Routes from template.yaml:\n");
        for (Route route : sandbox.routes()) {
            out.append(String.format("  %-6s %-32s %s%n", route.method(), route.path(), route.functionName()));
        }
        appendUnavailable(out, sandbox.unavailableFunctions());
        out.append("\nTry:\n");
        if (has(sandbox.routes(), "POST", "/tickets")) {
            out.append("  curl -i -X POST '").append(base).append("/tickets?key=").append(key)
                    .append("&timezone=0' \\\n       -H 'Content-Type: application/json' \\\n       -d '")
                    .append(ReferenceExamples.read(ReferenceExamples.CREATE_TICKET_1)).append("'\n");
        }
        if (has(sandbox.routes(), "GET", "/tickets/{ticketId}")) {
            out.append("  curl -i '").append(base).append("/tickets/1?key=").append(key).append("&timezone=0'\n");
            out.append("  curl -i '").append(base).append("/tickets/1'    # no key: 401\n");
        }
        out.append("\nCtrl-C stops the sandbox").append(sandbox.startedMoto() ? " and moto (its data is lost)." : ".")
                .append('\n');
        return out.toString();
    }

    private static void appendUnavailable(StringBuilder out, Map<String, String> unavailable) {
        if (unavailable.isEmpty()) {
            return;
        }
        out.append("\nWARNING: these functions could not be created; their routes answer 502."
                + " Is the function's module a dependency of sandbox/pom.xml?\n");
        unavailable.forEach((function, reason) -> out.append("  ").append(function).append(": ").append(reason)
                .append('\n'));
    }

    private static boolean has(List<Route> routes, String method, String path) {
        return routes.stream().anyMatch(route -> route.method().equals(method) && route.path().equals(path));
    }
}

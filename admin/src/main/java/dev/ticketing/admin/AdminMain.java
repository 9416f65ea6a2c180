package dev.ticketing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ApiException;
import dev.ticketing.error.ErrorBodies;
import dev.ticketing.json.Json;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.ApiKeySlot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' command-line tool: instances, keys, custom fields and tags. Talks to the table named by TABLE_NAME, at DYNAMODB_ENDPOINT when set
 * (the sandbox, moto, LocalStack) or in AWS_REGION otherwise. Prints JSON on standard output.
 */
public final class AdminMain {

    static final String USAGE = String.join("\n",
            "usage:",
            "  admin create-instance <definition.json | -> [--primary-key KEY]",
            "      creates an instance from an IInstance definition (plus tagCategories) and prints",
            "      {\"instanceId\", \"primaryKey\", \"secondaryKey\"}; with USAGE_PLAN_ID set (the stack's",
            "      UsagePlanId output) it also creates the instance's API Gateway key on that usage plan,",
            "      which a deployed API requires",
            "  admin rotate-key <instanceId> <primary | secondary>",
            "      issues a new key for that slot; the old one stops working at once",
            DefinitionCommands.USAGE,
            "environment: TABLE_NAME (required), DYNAMODB_ENDPOINT, AWS_REGION, USAGE_PLAN_ID,",
            "             APIGATEWAY_ENDPOINT (a local API Gateway emulation such as moto)");

    private AdminMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Optional<UsagePlanKeys> usagePlan = Optional.ofNullable(env.get("USAGE_PLAN_ID"))
                .filter(id -> !id.isBlank())
                .map(id -> new UsagePlanKeys(UsagePlanKeys.client(env.getOrDefault("AWS_REGION", "us-east-1"),
                        Optional.ofNullable(env.get("APIGATEWAY_ENDPOINT")).filter(e -> !e.isBlank())
                                .map(URI::create)), id));
        int status = run(args, System.in, System.out, System.err, () -> new InstanceAdminService(
                Dependencies.get().instanceStore()), usagePlan);
        System.exit(status);
    }

    /** Runs one command without a usage plan (local engines: the sandbox does not need one). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          java.util.function.Supplier<InstanceAdminService> service) {
        return run(args, in, out, err, service, Optional.empty());
    }

    /** Runs one command; returns the process exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          java.util.function.Supplier<InstanceAdminService> service,
                          Optional<UsagePlanKeys> usagePlan) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "create-instance":
                    return createInstance(Arrays.copyOfRange(args, 1, args.length), in, out, err, service.get(),
                            usagePlan);
                case "rotate-key":
                    return rotateKey(Arrays.copyOfRange(args, 1, args.length), out, err, service.get());
                default:
                    if (DefinitionCommands.handles(args[0])) {
                        return DefinitionCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length), in, out,
                                err, service.get());
                    }
                    err.println("unknown command '" + args[0] + "'\n" + USAGE);
                    return 2;
            }
        } catch (ApiException e) {
            err.println(Json.write(ErrorBodies.of(e)));
            return 1;
        } catch (IOException e) {
            err.println("cannot read the definition: " + e.getMessage());
            return 1;
        }
    }

    private static int createInstance(String[] args, InputStream in, PrintStream out, PrintStream err,
                                      InstanceAdminService service, Optional<UsagePlanKeys> usagePlan)
            throws IOException {
        if (args.length != 1 && !(args.length == 3 && "--primary-key".equals(args[1]))) {
            err.println(USAGE);
            return 2;
        }
        byte[] bytes = "-".equals(args[0]) ? in.readAllBytes() : Files.readAllBytes(Path.of(args[0]));
        JsonNode definition = Json.MAPPER.readTree(bytes);
        Optional<String> primaryKey = args.length == 3 ? Optional.of(args[2]) : Optional.empty();
        CreatedInstance created = service.createWithUsageKey(definition, primaryKey,
                instanceId -> usagePlan.map(plan -> plan.issue(instanceId)).orElse(null));
        ObjectNode result = Json.object();
        result.put("instanceId", created.instanceId());
        result.put("primaryKey", created.primaryKey());
        result.put("secondaryKey", created.secondaryKey());
        out.println(Json.write(result));
        return 0;
    }

    private static int rotateKey(String[] args, PrintStream out, PrintStream err, InstanceAdminService service) {
        if (args.length != 2 || Arrays.stream(ApiKeySlot.values()).noneMatch(s -> s.name().equals(args[1]))) {
            err.println(USAGE);
            return 2;
        }
        ApiKeySlot slot = ApiKeySlot.valueOf(args[1]);
        String key = service.rotateKey(args[0], slot);
        ObjectNode result = Json.object();
        result.put("instanceId", args[0]);
        result.put("slot", slot.name());
        result.put("key", key);
        out.println(Json.write(result));
        return 0;
    }
}

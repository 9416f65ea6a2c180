package dev.ticketing.sandbox;

import dev.ticketing.local.lambda.LambdaHarness;
import dev.ticketing.local.template.Route;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The template's functions, each with the runner that invokes it, by function (logical id) name. */
public final class Functions implements AutoCloseable {

    private final Map<String, FunctionRunner> runners;
    private final Map<String, String> unavailable;
    private final AutoCloseable resources;

    public Functions(Map<String, FunctionRunner> runners, Map<String, String> unavailable) {
        this(runners, unavailable, () -> { });
    }

    private Functions(Map<String, FunctionRunner> runners, Map<String, String> unavailable, AutoCloseable resources) {
        this.runners = Map.copyOf(runners);
        this.unavailable = Map.copyOf(unavailable);
        this.resources = resources;
    }

    /**
     * Instantiates the handler of every route and authorizer. A handler that cannot be created (typically its module
     * is not a dependency of the sandbox yet) is reported in {@link #unavailable()} rather than stopping the others.
     */
    public static Functions inProcess(List<Route> routes) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (Route route : routes) {
            classes.put(route.functionName(), route.handlerClass());
            route.authorizer().ifPresent(a -> classes.put(a.functionName(), a.handlerClass()));
        }
        Map<String, FunctionRunner> runners = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        classes.forEach((function, className) -> {
            try {
                runners.put(function, InProcessFunction.create(function, className));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
                unavailable.put(function, className + ": " + cause);
            }
        });
        return new Functions(runners, unavailable);
    }

    /** Every function of the routes under Lambda's runtime client, each started on its first request. */
    public static Functions underLambdaRuntime(List<Route> routes, LambdaHarness harness) {
        Map<String, FunctionRunner> runners = new LinkedHashMap<>();
        for (Route route : routes) {
            runners.computeIfAbsent(route.functionName(), name -> new RuntimeFunction(harness, name));
            route.authorizer().ifPresent(authorizer -> runners.computeIfAbsent(authorizer.functionName(),
                    name -> new RuntimeFunction(harness, name)));
        }
        return new Functions(runners, Map.of(), harness);
    }

    public Optional<FunctionRunner> runner(String functionName) {
        return Optional.ofNullable(runners.get(functionName));
    }

    /** Function name to the reason its handler could not be created. */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    /** Stops every function's processes. */
    @Override
    public void close() {
        runners.values().forEach(FunctionRunner::close);
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the functions", e);
        }
    }
}

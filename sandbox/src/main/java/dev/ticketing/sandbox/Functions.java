package dev.ticketing.sandbox;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's functions, one handler instance each, created with the no-argument constructor Lambda uses. Unlike
 * Lambda, which gives each concurrent request its own container, one instance serves requests concurrently.
 */
public final class Functions {

    private final Map<String, RequestHandler<Object, Object>> handlers;
    private final Map<String, String> unavailable;

    public Functions(Map<String, RequestHandler<Object, Object>> handlers, Map<String, String> unavailable) {
        this.handlers = Map.copyOf(handlers);
        this.unavailable = Map.copyOf(unavailable);
    }

    /**
     * Instantiates the handler of every route and authorizer. A handler that cannot be created (typically its module
     * is not a dependency of the sandbox yet) is reported in {@link #unavailable()} rather than stopping the others.
     */
    public static Functions instantiate(List<Route> routes) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (Route route : routes) {
            classes.put(route.functionName(), route.handlerClass());
            route.authorizer().ifPresent(a -> classes.put(a.functionName(), a.handlerClass()));
        }
        Map<String, RequestHandler<Object, Object>> handlers = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        classes.forEach((function, className) -> {
            try {
                handlers.put(function, create(className));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
                unavailable.put(function, className + ": " + cause);
            }
        });
        return new Functions(handlers, unavailable);
    }

    public Optional<RequestHandler<Object, Object>> handler(String functionName) {
        return Optional.ofNullable(handlers.get(functionName));
    }

    /** Function name to the reason its handler could not be created. */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> create(String className) throws ReflectiveOperationException {
        Object handler = Class.forName(className).getConstructor().newInstance();
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new ClassCastException(className + " does not implement RequestHandler");
        }
        return (RequestHandler<Object, Object>) handler;
    }
}

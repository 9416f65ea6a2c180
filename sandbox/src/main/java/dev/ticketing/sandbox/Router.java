package dev.ticketing.sandbox;

import dev.ticketing.local.template.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a request to a route as API Gateway's resource tree does: the most specific path template wins
 * (a literal segment beats a {@code {param}}), then the method is looked up on it.
 */
public final class Router {

    private final List<Template> templates = new ArrayList<>();

    public Router(List<Route> routes) {
        Map<String, List<Route>> byPath = new LinkedHashMap<>();
        routes.forEach(route -> byPath.computeIfAbsent(route.path(), ignored -> new ArrayList<>()).add(route));
        byPath.forEach((path, methods) -> templates.add(new Template(path, segments(path), methods)));
    }

    /** {@code rawPath} is the path as sent, still percent-encoded; parameters come back decoded. */
    public Match match(String method, String rawPath) {
        String[] requested = segments(rawPath);
        Template best = null;
        for (Template template : templates) {
            if (template.matches(requested) && (best == null || template.moreSpecificThan(best))) {
                best = template;
            }
        }
        if (best == null) {
            return new Match.NotFound();
        }
        for (Route route : best.routes) {
            if (route.accepts(method)) {
                return new Match.Found(route, best.parameters(requested));
            }
        }
        Set<String> allowed = new TreeSet<>();
        best.routes.forEach(route -> allowed.add(route.method()));
        return new Match.MethodNotAllowed(best.path, allowed);
    }

    private static String[] segments(String path) {
        // A leading slash is the only one to drop: "/tickets/" keeps its empty last segment and matches nothing.
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }

    /** The outcome of routing one request. */
    public sealed interface Match {

        /** {@code pathParameters} is null when the template has none, as in API Gateway's event. */
        record Found(Route route, Map<String, String> pathParameters) implements Match {
        }

        record MethodNotAllowed(String path, Set<String> allowed) implements Match {
        }

        record NotFound() implements Match {
        }
    }

    private record Template(String path, String[] segments, List<Route> routes) {

        boolean matches(String[] requested) {
            if (requested.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                boolean matches = isParameter(segments[i]) ? !requested[i].isEmpty() : segments[i].equals(requested[i]);
                if (!matches) {
                    return false;
                }
            }
            return true;
        }

        boolean moreSpecificThan(Template other) {
            for (int i = 0; i < segments.length; i++) {
                boolean mine = isParameter(segments[i]);
                boolean theirs = isParameter(other.segments[i]);
                if (mine != theirs) {
                    return theirs;
                }
            }
            return false;
        }

        Map<String, String> parameters(String[] requested) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (isParameter(segments[i])) {
                    String name = segments[i].substring(1, segments[i].length() - 1);
                    parameters.put(name, UrlDecoding.pathSegment(requested[i]));
                }
            }
            return parameters.isEmpty() ? null : parameters;
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}

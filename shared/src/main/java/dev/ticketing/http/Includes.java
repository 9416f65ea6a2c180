package dev.ticketing.http;

import dev.ticketing.error.ValidationException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code include} query parameter of the live API: extra fields a response carries only when asked, such as
 * {@code description_HTML} on tickets and {@code comment_HTML} on comments. Comma-separated; a name the route does
 * not offer is a 400.
 */
public final class Includes {

    public static final String PARAMETER = "include";
    public static final String DESCRIPTION_HTML = "description_HTML";
    public static final String COMMENT_HTML = "comment_HTML";

    private Includes() {
    }

    /** Whether the request asks for {@code offered}, the one name its route offers. */
    public static boolean asks(ApiRequest request, String offered) {
        return parse(request, Set.of(offered)).contains(offered);
    }

    /** The names asked for, each one of {@code offered}. */
    public static Set<String> parse(ApiRequest request, Set<String> offered) {
        Set<String> asked = new LinkedHashSet<>();
        for (String part : request.query(PARAMETER).orElse("").split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!offered.contains(name)) {
                throw new ValidationException(PARAMETER, "takes " + String.join(", ", new TreeSet<>(offered))
                        + " (comma-separated)");
            }
            asked.add(name);
        }
        return asked;
    }
}

package dev.ticketing.service;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The paging part of every list request, parsed one way for every list: {@code limit} (1 to {@value #MAX_LIMIT},
 * {@value #DEFAULT_LIMIT} when absent unless the list says otherwise) and the continuation token, from the header
 * the reference names or from the query parameter of the same name (blank counts as absent).
 */
public record PageRequest(int limit, Optional<String> continuationToken) {

    public static final String TOKEN = "continuationToken";
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
        }
    }

    /** The first page of {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** Parses the paging parameters; 400 naming {@code limit} when it is not a whole number in range. */
    public static PageRequest parse(Function<String, Optional<String>> query, Optional<String> tokenHeader) {
        return parse(query, tokenHeader, DEFAULT_LIMIT);
    }

    /** As above, for a list whose pages hold {@code defaultLimit} items unless the caller says otherwise. */
    public static PageRequest parse(Function<String, Optional<String>> query, Optional<String> tokenHeader,
                                    int defaultLimit) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = parse(query, tokenHeader, defaultLimit, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return page;
    }

    /** As above, adding a problem to {@code errors} (to be reported with the list's other parameters). */
    static PageRequest parse(Function<String, Optional<String>> query, Optional<String> tokenHeader,
                             List<FieldError> errors) {
        return parse(query, tokenHeader, DEFAULT_LIMIT, errors);
    }

    private static PageRequest parse(Function<String, Optional<String>> query, Optional<String> tokenHeader,
                                     int defaultLimit, List<FieldError> errors) {
        Optional<String> token = tokenHeader.filter(t -> !t.isBlank())
                .or(() -> query.apply(TOKEN).filter(t -> !t.isBlank()));
        Optional<String> text = query.apply("limit").filter(v -> !v.isBlank());
        if (text.isEmpty()) {
            return new PageRequest(defaultLimit, token);
        }
        try {
            int limit = Integer.parseInt(text.get().strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return new PageRequest(limit, token);
            }
        } catch (NumberFormatException e) {
            // reported below, as an out-of-range value is
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return new PageRequest(DEFAULT_LIMIT, token);
    }
}

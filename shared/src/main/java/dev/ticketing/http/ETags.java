package dev.ticketing.http;

import dev.ticketing.error.PreconditionFailedException;
import dev.ticketing.model.Ticket;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A ticket's ETag is its version, quoted; {@code If-Match} sends it back to guard a PUT against lost updates. */
public final class ETags {

    public static final String HEADER = "ETag";
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

    private ETags() {
    }

    public static String of(Ticket ticket) {
        return "\"" + ticket.version() + "\"";
    }

    /**
     * The version named by {@code If-Match}; empty when the header is absent or {@code *}. A value that is not one
     * of our tags can never match, so it is answered 412 like a stale one.
     */
    public static OptionalLong ifMatch(ApiRequest request) {
        Optional<String> header = request.header("If-Match").map(String::strip);
        if (header.isEmpty() || header.get().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher tag = VERSION_TAG.matcher(header.get());
        if (!tag.matches()) {
            throw new PreconditionFailedException("If-Match must be the ETag of GET /tickets/{ticketId}, e.g. \"3\".");
        }
        return OptionalLong.of(Long.parseLong(tag.group(1)));
    }
}

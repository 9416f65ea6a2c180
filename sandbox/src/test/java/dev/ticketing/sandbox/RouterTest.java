package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.template.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Route GET_TICKET = route("GET", "/tickets/{ticketId}");
    private static final Route GET_STATUS_REPORT = route("GET", "/tickets/report");
    private static final Route PUT_STATUS = route("PUT", "/tickets/{ticketId}/status");
    private static final Route POST_STATUS = route("POST", "/tickets/{ticketId}/status");

    private final Router router = new Router(List.of(GET_TICKET, GET_STATUS_REPORT, PUT_STATUS, POST_STATUS));

    @Test
    void pathParameters_areDecoded_withPlusKeptAsIsInAPath() {
        Router.Match match = router.match("GET", "/tickets/a%2Fb%20c+d");

        assertThat(match).isEqualTo(new Router.Match.Found(GET_TICKET, Map.of("ticketId", "a/b c+d")));
    }

    @Test
    void literalSegment_winsOverParameter() {
        assertThat(router.match("GET", "/tickets/report")).isEqualTo(new Router.Match.Found(GET_STATUS_REPORT, null));
    }

    @Test
    void knownPathWithOtherMethod_isMethodNotAllowed_listingTheMethodsThePathHas() {
        assertThat(router.match("DELETE", "/tickets/7/status"))
                .isEqualTo(new Router.Match.MethodNotAllowed("/tickets/{ticketId}/status", Set.of("POST", "PUT")));
    }

    @Test
    void unknownPaths_emptySegments_andTrailingSlashes_matchNothing() {
        assertThat(router.match("GET", "/nope")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "/tickets/")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "/tickets//status")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "/tickets/1/")).isInstanceOf(Router.Match.NotFound.class);
    }

    @Test
    void anyMethodRoute_acceptsEveryMethod() {
        Route any = route("ANY", "/things");

        assertThat(new Router(List.of(any)).match("PATCH", "/things")).isEqualTo(new Router.Match.Found(any, null));
    }

    private static Route route(String method, String path) {
        return new Route(method, path, "Fn", "com.example.Handler", Optional.empty());
    }
}

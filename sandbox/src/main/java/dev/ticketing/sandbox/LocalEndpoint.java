package dev.ticketing.sandbox;

import java.util.Optional;

/** A page or action the sandbox serves itself, ahead of the API's routes (the docs, running the schedule). */
interface LocalEndpoint {

    /** The answer when the request is this endpoint's; empty otherwise. */
    Optional<OutgoingResponse> handle(IncomingRequest request);
}

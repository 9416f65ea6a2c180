package dev.ticketing.metrics;

/** Holds the recorder {@link DomainMetrics#current()} returns; an interface cannot hold a mutable field. */
final class Installed {

    static volatile DomainMetrics metrics = DomainMetrics.NONE;

    private Installed() {
    }
}

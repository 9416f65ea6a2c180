package dev.ticketing.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketing.config.Config;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/**
 * One invocation's counts as one CloudWatch embedded-metric-format record, through Powertools metrics: namespace
 * {@link Config#metricsNamespace()}, dimension sets {@code [Service]}, {@code [Service, Route, Outcome]} and
 * {@code [Service, Outcome]} (a route as {@link #routeDimension}).
 * Every dimension value is bounded: a route of the template, an outcome of {@link RequestScope}; never an
 * instance or a ticket.
 */
final class EmfRecords {

    static final String SERVICE = "Service";
    static final String ROUTE = "Route";
    static final String OUTCOME = "Outcome";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String SERVICE_NAME = Config.serviceName();
    private static final Metrics METRICS = configure();

    private EmfRecords() {
    }

    private static Metrics configure() {
        // These functions always run as Lambda runs them, so the record goes to standard output, where CloudWatch
        // Logs extracts it. Left to itself the EMF library would probe for ECS and EC2 on other threads at the
        // first flush, and outside Lambda (tests, the in-process sandbox) send to a CloudWatch agent's socket.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        Metrics metrics = MetricsFactory.getMetricsInstance();
        configure(metrics);
        return metrics;
    }

    /**
     * The namespace, and {@code [Service]} as the first dimension set: it replaces the EMF library's own defaults
     * (log group and function name), so the sets are exactly those of this class.
     */
    private static void configure(Metrics metrics) {
        metrics.setNamespace(Config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of(SERVICE, SERVICE_NAME));
    }

    /** Prints the record of one invocation; nothing when it counted nothing. */
    static synchronized void publish(String route, String outcome, Counts counts) {
        if (counts.isEmpty()) {
            return;
        }
        fill(METRICS, route, outcome, counts);
        METRICS.flush();
    }

    /**
     * The record {@link #publish} would print, built by the same Powertools and EMF code but only returned: what
     * SnapStart priming runs, so that no record of a made-up request reaches CloudWatch.
     */
    static List<String> render(String route, String outcome, Counts counts) {
        MetricsContext context = new MetricsContext();
        EmfMetricsLogger metrics = new EmfMetricsLogger(new EnvironmentProvider(), context);
        configure(metrics);
        fill(metrics, route, outcome, counts);
        try {
            return context.serialize();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An EMF record could not be serialized", e);
        }
    }

    /** A route as a dimension value, which may hold no whitespace: {@code GET:/tickets/{ticketId}}. */
    static String routeDimension(String route) {
        return WHITESPACE.matcher(route).replaceAll(":");
    }

    private static void fill(Metrics metrics, String route, String outcome, Counts counts) {
        metrics.addDimension(DimensionSet.of(SERVICE, SERVICE_NAME, ROUTE, routeDimension(route), OUTCOME, outcome));
        metrics.addDimension(DimensionSet.of(SERVICE, SERVICE_NAME, OUTCOME, outcome));
        counts.values().forEach((metric, value) -> metrics.addMetric(metric.metricName(), value, metric.unit()));
    }
}

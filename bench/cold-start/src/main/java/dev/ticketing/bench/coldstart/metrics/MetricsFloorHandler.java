package dev.ticketing.bench.coldstart.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** The floor plus one metric through Powertools' metrics module (EMF on standard output): that module's cold cost. */
public final class MetricsFloorHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final Metrics metrics = MetricsBuilder.builder().withNamespace("Ticketing").withService("bench").build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        metrics.addMetric("Requests", 1, MetricUnit.COUNT);
        metrics.flush();
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{}");
    }
}

package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.InstanceJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.service.InstanceService;

/** GET /tags: every tag category of the caller's instance with its tags, deleted ones flagged. */
public final class ListTagsHandler extends ApiGatewayHandler {

    private final InstanceService instances;

    public ListTagsHandler() {
        this(Dependencies.get().instanceService());
    }

    public ListTagsHandler(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            return ApiResponses.json(200, InstanceJson.tagCategories(instances.tagCategories(instanceId)));
        });
    }
}

package dev.ticketing.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.ticketing.Dependencies;
import dev.ticketing.http.ApiResponses;
import dev.ticketing.http.Handlers;
import dev.ticketing.http.InstanceJson;
import dev.ticketing.lambda.ApiGatewayHandler;
import dev.ticketing.model.Instance;
import dev.ticketing.service.InstanceService;

/** GET /instance: the caller's instance settings, custom field definitions and assignees. */
public final class GetInstanceHandler extends ApiGatewayHandler {

    private final InstanceService instances;

    public GetInstanceHandler() {
        this(Dependencies.get().instanceService());
    }

    public GetInstanceHandler(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return Handlers.handle(event, context, request -> {
            String instanceId = request.instanceId();
            // IInstance has no date-time to shift, but a malformed timezone still answers 400 as everywhere else.
            request.timezone();
            Instance instance = instances.get(instanceId);
            return ApiResponses.json(200, ApiResponses.item(InstanceJson.instance(instance)));
        });
    }
}

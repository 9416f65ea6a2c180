package dev.ticketing.bench.coldstart.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /tickets/{ticketId} as tutorials write it: default client builder (default region and credential chains,
 * the Apache HTTP client found on the classpath), bean table schemas built per request, Jackson on the bean.
 * The same two reads as ours (instance, then ticket); the endpoint override is the only non-default setting.
 */
public final class NaiveGetTicketHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final String tableName = System.getenv("TABLE_NAME");
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .build();
    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String instanceId = String.valueOf(event.getRequestContext().getAuthorizer().get("instanceId"));
        DynamoDbTable<InstanceBean> instances = enhanced.table(tableName, TableSchema.fromBean(InstanceBean.class));
        InstanceBean instance = instances.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue("INSTANCE#" + instanceId).sortValue("INSTANCE").build()));
        if (instance == null || !Boolean.TRUE.equals(instance.getEnabled())) {
            return new APIGatewayProxyResponseEvent().withStatusCode(403).withBody("{}");
        }
        long number = Long.parseLong(event.getPathParameters().get("ticketId"));
        DynamoDbTable<TicketBean> tickets = enhanced.table(tableName, TableSchema.fromBean(TicketBean.class));
        TicketBean ticket = tickets.getItem(r -> r.consistentRead(true).key(Key.builder()
                .partitionValue("INSTANCE#" + instanceId + "#TICKET#" + String.format("%010d", number))
                .sortValue("TICKET").build()));
        if (ticket == null) {
            return new APIGatewayProxyResponseEvent().withStatusCode(404).withBody("{}");
        }
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(mapper.writeValueAsString(Map.of("item", ticket)));
        } catch (JsonProcessingException e) {
            return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("{}");
        }
    }
}

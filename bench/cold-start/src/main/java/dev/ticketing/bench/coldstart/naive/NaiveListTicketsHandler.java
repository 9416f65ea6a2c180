package dev.ticketing.bench.coldstart.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /tickets as tutorials write it: the same instance read and one Query of the list index the request's
 * {@code orderBy} names (status or createdDateTime), bean schemas built per request, whole beans written by
 * Jackson. No select, filters or continuation tokens: less work than ours, which favours it.
 */
public final class NaiveListTicketsHandler
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
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        String orderBy = query.getOrDefault("orderBy", "createdDateTime");
        if (!orderBy.equals("status") && !orderBy.equals("createdDateTime")) {
            return new APIGatewayProxyResponseEvent().withStatusCode(400).withBody("{}");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        boolean ascending = query.getOrDefault("order", "DESC").equals("ASC");
        DynamoDbIndex<TicketBean> index = enhanced.table(tableName, TableSchema.fromBean(TicketBean.class))
                .index("order-" + orderBy);
        List<TicketBean> tickets = new ArrayList<>();
        for (Page<TicketBean> page : index.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(
                        "INSTANCE#" + instanceId + "#TICKETS")))
                .scanIndexForward(ascending).limit(limit).build())) {
            tickets.addAll(page.items());
            break;
        }
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(mapper.writeValueAsString(Map.of("items", tickets)));
        } catch (JsonProcessingException e) {
            return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("{}");
        }
    }
}

package dev.ticketing.bench.coldstart.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * POST /tickets as tutorials write it: Jackson binds the body to beans, the same instance read, the next number
 * from the instance's counter (UpdateItem ADD), one unconditional PutItem of the ticket bean, the bean written
 * back by Jackson. No activity, id alias or list-index keys and no validation beyond a title: less work than
 * ours, which favours it (and keeps its tickets out of the lists the other variants read).
 */
public final class NaiveCreateTicketHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final String tableName = System.getenv("TABLE_NAME");
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .build();
    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The request body: the ticket and the user who creates it. */
    public static class CreateTicketRequest {
        private TicketBean ticket;
        private UserBean user;

        public TicketBean getTicket() {
            return ticket;
        }

        public void setTicket(TicketBean ticket) {
            this.ticket = ticket;
        }

        public UserBean getUser() {
            return user;
        }

        public void setUser(UserBean user) {
            this.user = user;
        }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String instanceId = String.valueOf(event.getRequestContext().getAuthorizer().get("instanceId"));
        CreateTicketRequest request;
        try {
            request = mapper.readValue(event.getBody(), CreateTicketRequest.class);
        } catch (JsonProcessingException e) {
            return new APIGatewayProxyResponseEvent().withStatusCode(400).withBody("{}");
        }
        TicketBean ticket = request.getTicket();
        if (ticket == null || ticket.getTitle() == null || ticket.getTitle().isBlank()) {
            return new APIGatewayProxyResponseEvent().withStatusCode(400).withBody("{}");
        }
        DynamoDbTable<InstanceBean> instances = enhanced.table(tableName, TableSchema.fromBean(InstanceBean.class));
        InstanceBean instance = instances.getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue("INSTANCE#" + instanceId).sortValue("INSTANCE").build()));
        if (instance == null || !Boolean.TRUE.equals(instance.getEnabled())) {
            return new APIGatewayProxyResponseEvent().withStatusCode(403).withBody("{}");
        }
        long number = Long.parseLong(client.updateItem(r -> r.tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS("INSTANCE#" + instanceId),
                        "SK", AttributeValue.fromS("COUNTER#TICKET")))
                .updateExpression("ADD #next :one")
                .expressionAttributeNames(Map.of("#next", "next"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("next").n());
        String now = Instant.now().toString();
        ticket.setPk("INSTANCE#" + instanceId + "#TICKET#" + String.format("%010d", number));
        ticket.setSk("TICKET");
        ticket.setId(UUID.randomUUID().toString());
        ticket.setTicketId(number);
        ticket.setStatus("Open");
        ticket.setPriority(ticket.getPriority() == null ? "Medium" : ticket.getPriority());
        ticket.setCreatedOn(now);
        ticket.setCreatedBy(request.getUser());
        ticket.setLastUpdatedOn(now);
        ticket.setLastUpdatedBy(request.getUser());
        ticket.setVersion(1L);
        enhanced.table(tableName, TableSchema.fromBean(TicketBean.class)).putItem(ticket);
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(mapper.writeValueAsString(Map.of("item", ticket)));
        } catch (JsonProcessingException e) {
            return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("{}");
        }
    }
}

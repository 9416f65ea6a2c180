package dev.ticketing.bench.coldstart.raw;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The DynamoDB floor: one raw GetItem of the requested ticket with the client settings of DynamoDbClients
 * (explicit region and credentials, UrlConnection), answering the title without any JSON library.
 */
public final class RawGetItemHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final String table = System.getenv("TABLE_NAME");
    private final DynamoDbClient client = DynamoDbClient.builder()
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String instanceId = String.valueOf(event.getRequestContext().getAuthorizer().get("instanceId"));
        long number = Long.parseLong(event.getPathParameters().get("ticketId"));
        String pk = "INSTANCE#" + instanceId + "#TICKET#" + String.format("%010d", number);
        GetItemResponse response = client.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("TICKET"))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return new APIGatewayProxyResponseEvent().withStatusCode(404).withBody("{}");
        }
        String title = response.item().get("title").s();
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{\"title\":\"" + title + "\"}");
    }
}

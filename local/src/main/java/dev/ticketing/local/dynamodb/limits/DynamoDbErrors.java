package dev.ticketing.local.dynamodb.limits;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The exceptions the SDK raises from DynamoDB's error responses: status 400, DynamoDB's error code and message,
 * so that code under test sees exactly what it would see from AWS.
 */
final class DynamoDbErrors {

    static final int BAD_REQUEST = 400;

    private DynamoDbErrors() {
    }

    static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(BAD_REQUEST)
                .requestId(requestId())
                .awsErrorDetails(details("ValidationException", message))
                .build();
    }

    /** Another transaction holds one of the items: each action gets a reason, "None" for the uninvolved ones. */
    static TransactionCanceledException transactionCanceled(List<CancellationReason> reasons) {
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(CancellationReason::code).toList();
        return TransactionCanceledException.builder()
                .message(message)
                .cancellationReasons(reasons)
                .statusCode(BAD_REQUEST)
                .requestId(requestId())
                .awsErrorDetails(details("TransactionCanceledException", message))
                .build();
    }

    static CancellationReason conflictReason() {
        return CancellationReason.builder().code("TransactionConflict")
                .message("Transaction is ongoing for the item").build();
    }

    static CancellationReason noReason() {
        return CancellationReason.builder().code("None").build();
    }

    /** A single-item write on an item that an ongoing transaction holds. */
    static TransactionConflictException transactionConflict() {
        String message = "Transaction is ongoing for the item";
        return TransactionConflictException.builder()
                .message(message)
                .statusCode(BAD_REQUEST)
                .requestId(requestId())
                .awsErrorDetails(details("TransactionConflictException", message))
                .build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(BAD_REQUEST).build())
                .build();
    }

    private static String requestId() {
        return "LIMITS" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}

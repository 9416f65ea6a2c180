package dev.ticketing.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class InstanceKeyGuardTest {

    private static final String A = "11111111-aaaa-4aaa-8aaa-111111111111";
    private static final String B = "22222222-bbbb-4bbb-8bbb-222222222222";

    private final InstanceKeyGuard guard = new InstanceKeyGuard("PK", "SK", Set.of("listPk", "statusPk"));

    @Test
    void put_ofAnInstancesItems_withEveryKeyUnderThatInstance_passes() {
        assertThatCode(() -> {
            guard.check(put(Map.of("PK", s("INSTANCE#" + A), "SK", s("INSTANCE"), "instanceId", s(A))));
            guard.check(put(Map.of("PK", s("INSTANCE#" + A + "#TICKET#0000000001"), "SK", s("TICKET"),
                    "instanceId", s(A), "listPk", s("INSTANCE#" + A + "#TICKETS"),
                    "statusPk", s("INSTANCE#" + A + "#TICKETS#STATUS#Open"))));
        }).doesNotThrowAnyException();
    }

    @Test
    void aTimersIndexEntry_inASharedShard_passesOnlyWhenItsDueAtNamesTheItemsInstance() {
        InstanceKeyGuard withTimers = new InstanceKeyGuard("PK", "SK", Set.of("listPk", "dueShard"));
        String pk = "INSTANCE#" + A + "#TICKET#0000000001";

        assertThatCode(() -> withTimers.check(put(Map.of("PK", s(pk), "SK", s("TICKET"), "instanceId", s(A),
                "dueShard", s("DUE#1"), "dueAt", s("2026-12-01T10:00:00.000Z#" + A + "#0000000001")))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> withTimers.check(put(Map.of("PK", s(pk), "SK", s("TICKET"), "instanceId", s(A),
                "dueShard", s("DUE#1"), "dueAt", s("2026-12-01T10:00:00.000Z#" + B + "#0000000001")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("does not name it");
        assertThatThrownBy(() -> withTimers.check(put(Map.of("PK", s(pk), "SK", s("TICKET"), "instanceId", s(A),
                "dueShard", s("TIMERS"), "dueAt", s("2026-12-01T10:00:00.000Z#" + A + "#0000000001")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("DUE#<shard number>");
    }

    @Test
    void put_withAKeyWithoutTheInstance_isRefused() {
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("TICKETID#" + B), "SK", s("TICKETID")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                .hasMessageContaining("names no instance");
        // The prefix alone is not enough: an empty instance id would put every instance in one partition.
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCE##TICKET#0000000001"), "SK", s("TICKET")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(put(Map.of("SK", s("TICKET")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
    }

    @Test
    void put_whosePartitionKeyNamesAnotherInstanceThanItsInstanceId_isRefused() {
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCE#" + B + "#IDEMPOTENCY#k"),
                "SK", s("IDEMPOTENCY"), "instanceId", s(A)))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                .hasMessageContaining("belongs to instance " + A);
    }

    @Test
    void put_withAnIndexKeyOfAnotherInstanceOrNone_isRefused() {
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCE#" + A + "#TICKET#0000000001"),
                "SK", s("TICKET"), "listPk", s("TICKETS")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                .hasMessageContaining("listPk");
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCE#" + A + "#TICKET#0000000001"),
                "SK", s("TICKET"), "statusPk", s("INSTANCE#" + B + "#TICKETS#STATUS#Open")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                .hasMessageContaining("statusPk");
        // A longer id that merely starts with the owner's is another instance.
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCE#" + A), "SK", s("TICKET"),
                "listPk", s("INSTANCE#" + A + "x#TICKETS")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
    }

    @Test
    void apiKeyItems_arePassedByRule_onlyWithAnInstanceIdAndNoIndexKey() {
        assertThatCode(() -> guard.check(put(Map.of("PK", s("APIKEY#abc"), "SK", s("APIKEY"), "instanceId", s(A)))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("APIKEY#abc"), "SK", s("APIKEY")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("APIKEY#abc"), "SK", s("TICKET"),
                "instanceId", s(A)))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("APIKEY#abc"), "SK", s("APIKEY"),
                "instanceId", s(A), "listPk", s("INSTANCE#" + A + "#TICKETS")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
    }

    @Test
    void instanceDirectoryEntries_arePassedByRule_onlyNamingTheirInstanceInSortKeyAndInstanceId() {
        assertThatCode(() -> guard.check(put(Map.of("PK", s("INSTANCES"), "SK", s("INSTANCE#" + A),
                "instanceId", s(A)))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCES"), "SK", s("INSTANCE#" + A)))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class)
                .hasMessageContaining("instance-directory entry");
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCES"), "SK", s("INSTANCE#" + A),
                "instanceId", s(B)))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCES"), "SK", s("INSTANCE#" + A + "#TICKET"),
                "instanceId", s(A)))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(put(Map.of("PK", s("INSTANCES"), "SK", s("INSTANCE#" + A),
                "instanceId", s(A), "listPk", s("INSTANCE#" + A + "#TICKETS")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
    }

    @Test
    void update_checksItsKey_andWhatItsSetClauseAssigns() {
        UpdateItemRequest counter = UpdateItemRequest.builder()
                .key(Map.of("PK", s("INSTANCE#" + A), "SK", s("COUNTER#TICKET")))
                .updateExpression("ADD #next :one").expressionAttributeNames(Map.of("#next", "next"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build();
        UpdateItemRequest unscopedKey = counter.toBuilder()
                .key(Map.of("PK", s("COUNTER"), "SK", s("COUNTER#TICKET"))).build();
        UpdateItemRequest foreignIndexKey = counter.toBuilder()
                .updateExpression("SET #tags = list_append(#tags, :t), #l = :list REMOVE #gone")
                .expressionAttributeNames(Map.of("#tags", "tags", "#l", "listPk", "#gone", "statusPk"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromL(List.of()),
                        ":list", s("INSTANCE#" + B + "#TICKETS"))).build();
        UpdateItemRequest computedInstanceId = counter.toBuilder()
                .updateExpression("SET instanceId = if_not_exists(instanceId, :id)")
                .expressionAttributeValues(Map.of(":id", s(A))).build();

        assertThatCode(() -> guard.check(counter)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(unscopedKey)).isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
        assertThatThrownBy(() -> guard.check(foreignIndexKey))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("listPk");
        assertThatThrownBy(() -> guard.check(computedInstanceId))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class);
    }

    @Test
    void transactionsAndBatches_areCheckedItemByItem_andDeletesAreNot() {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(p -> p.item(Map.of("PK", s("INSTANCE#" + A + "#TICKET#0000000001"),
                        "SK", s("TICKET")))).build(),
                TransactWriteItem.builder().put(p -> p.item(Map.of("PK", s("TICKETID#x"), "SK", s("TICKETID"))))
                        .build()).build();
        BatchWriteItemRequest batch = BatchWriteItemRequest.builder().requestItems(Map.of("table", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(Map.of("PK", s("ANYTHING"), "SK", s("X")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(Map.of("PK", s("TICKET#1"), "SK", s("TICKET"))))
                        .build()))).build();

        assertThatThrownBy(() -> guard.check(transaction))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("TICKETID#x");
        assertThatThrownBy(() -> guard.check(batch))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("TICKET#1");
        assertThatCode(() -> guard.check(DeleteItemRequest.builder()
                .key(Map.of("PK", s("ANYTHING"), "SK", s("X"))).build())).doesNotThrowAnyException();
    }

    @Test
    void theTemplatesIndexes_areGuarded_whenBuiltAsTheSdkBuildsIt() {
        InstanceKeyGuard fromTemplate = new InstanceKeyGuard();

        assertThatThrownBy(() -> fromTemplate.check(put(Map.of("PK", s("INSTANCE#" + A + "#TICKET#0000000001"),
                "SK", s("TICKET"), "priorityPk", s("TICKETS#PRIORITY#Low")))))
                .isInstanceOf(InstanceKeyGuard.InstanceKeyViolation.class).hasMessageContaining("priorityPk");
    }

    private static PutItemRequest put(Map<String, AttributeValue> item) {
        return PutItemRequest.builder().tableName("table").item(item).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

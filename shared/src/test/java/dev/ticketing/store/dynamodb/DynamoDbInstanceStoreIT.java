package dev.ticketing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.store.VersionConflictException;
import dev.ticketing.json.Json;
import dev.ticketing.local.dynamodb.DynamoDbCallCounter;
import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import dev.ticketing.store.InstancePage;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class DynamoDbInstanceStoreIT {

    private static final String TOPIC = "2283653a-8d36-40eb-9a68-73eb3b331811";

    private static TestTable table;
    private static Dependencies deps;
    private static InstanceStore store;

    @BeforeAll
    static void setUp(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(table);
        store = deps.instanceStore();
    }

    @Test
    void storedInstanceDirectoryEntry_hasExactlyTheDocumentedAttributes() {
        String id = Fixtures.createDemoInstance(deps).instanceId();

        Map<String, String> entry = StoredItems.summary(table.client(), table.tableName(), "INSTANCES",
                "INSTANCE#" + id);

        assertThat(entry.keySet()).containsExactly("PK", "SK", "createdOn", "instanceId", "type");
        assertThat(entry).containsEntry("PK", "S:INSTANCES").containsEntry("SK", "S:INSTANCE#" + id)
                .containsEntry("type", "S:instanceEntry").containsEntry("instanceId", "S:" + id);
        assertThat(entry.get("createdOn")).matches("S:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void newInstance_hasCompleteTicketCounts_markedByItsReadyItem() {
        String id = Fixtures.createDemoInstance(deps).instanceId();

        Map<String, String> ready = StoredItems.summary(table.client(), table.tableName(), "INSTANCE#" + id,
                "TICKETCOUNT#READY");

        assertThat(ready.keySet()).containsExactly("PK", "SK", "createdOn", "type");
        assertThat(ready).containsEntry("type", "S:ticketCountsReady");
        assertThat(TicketCounts.count(table.client(), table.tableName(), id, java.util.Set.of(), java.util.Set.of()))
                .hasValue(0);
    }

    @Test
    void list_pagesThroughEveryInstanceInIdOrder_withQueriesOnly() {
        for (int i = 0; i < 3; i++) {
            Fixtures.createDemoInstance(deps, "1157a000-0000-4000-8000-00000000000" + i,
                    "list-test-primary-key-0123456789abcdef-" + i);
        }
        DynamoDbCallCounter calls = new DynamoDbCallCounter();
        InstanceStore counted = new DynamoDbInstanceStore(
                software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder()
                        .dynamoDbClient(table.newClient(calls)).build(), table.tableName());

        List<String> ids = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            InstancePage page = counted.list(2, after);
            page.instances().forEach(instance -> ids.add(instance.id()));
            after = page.after();
            pages++;
        } while (after.isPresent());

        assertThat(ids).doesNotHaveDuplicates().isSorted()
                .contains("1157a000-0000-4000-8000-000000000000", "1157a000-0000-4000-8000-000000000001",
                        "1157a000-0000-4000-8000-000000000002");
        assertThat(calls.snapshot().calls("Scan")).isZero();
        assertThat(calls.snapshot().calls("Query")).isEqualTo(pages);
    }

    @Test
    void storedTagCategory_hasExactlyTheDocumentedAttributes() {
        String id = Fixtures.createDemoInstance(deps).instanceId();

        assertThat(StoredItems.summary(table.client(), table.tableName(), "INSTANCE#" + id, "TAGCATEGORY#" + TOPIC))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        Map.entry("PK", "S:INSTANCE#" + id),
                        Map.entry("SK", "S:TAGCATEGORY#" + TOPIC),
                        Map.entry("type", "S:tagCategory"),
                        Map.entry("instanceId", "S:" + id),
                        Map.entry("id", "S:" + TOPIC),
                        Map.entry("text", "S:Topic"),
                        Map.entry("color", "S:#0078D4"),
                        Map.entry("deleted", "BOOL:false"),
                        Map.entry("tags", "L:[M:{deleted=BOOL:false, text=S:sdsad}, M:{deleted=BOOL:false, "
                                + "text=S:my tag}, M:{deleted=BOOL:true, text=S:legacy}]"),
                        Map.entry("tagTexts", "SS:[legacy, my tag, sdsad]"),
                        Map.entry("version", "N:1"))));
    }

    @Test
    void storedTagCategory_withoutTags_hasNoTagTexts_becauseDynamoDbRefusesEmptySets() {
        String id = Fixtures.createDemoInstance(deps).instanceId();
        String newId = "5e5e5e5e-0000-4000-8000-000000000003";

        store.updateTagCategory(id, newId, none -> new TagCategory(newId, id, "Empty", null, List.of(), false));

        assertThat(StoredItems.summary(table.client(), table.tableName(), "INSTANCE#" + id, "TAGCATEGORY#" + newId))
                .containsEntry("tags", "L:[]").doesNotContainKey("tagTexts").doesNotContainKey("color");
    }

    @Test
    void updateDefinition_failsWithAConflict_whenTheInstanceChangedInBetween() {
        String id = Fixtures.createDemoInstance(deps).instanceId();

        // The change function runs between the read and the conditional write: a write there is a concurrent one.
        assertThatThrownBy(() -> store.updateDefinition(id, current -> {
            store.updateDefinition(id, other -> renamed(other, "inner"));
            return renamed(current, "outer");
        })).isInstanceOf(VersionConflictException.class);

        assertThat(store.find(id).orElseThrow().name()).isEqualTo("inner");
    }

    @Test
    void updateTagCategory_failsWithAConflict_whenTheCategoryChangedInBetween() {
        String id = Fixtures.createDemoInstance(deps).instanceId();

        assertThatThrownBy(() -> store.updateTagCategory(id, TOPIC, current -> {
            store.updateTagCategory(id, TOPIC, other -> retitled(other.orElseThrow(), "inner"));
            return retitled(current.orElseThrow(), "outer");
        })).isInstanceOf(VersionConflictException.class);

        assertThat(store.tagCategories(id)).extracting(TagCategory::text).containsExactly("inner");
    }

    @Test
    void updateTagCategory_createsANewCategory_onlyOnce() {
        String id = Fixtures.createDemoInstance(deps).instanceId();
        String newId = "5e5e5e5e-0000-4000-8000-000000000001";

        store.updateTagCategory(id, newId, none -> new TagCategory(newId, id, "New", "#123456", List.of(), false));

        assertThat(store.tagCategories(id)).extracting(TagCategory::id).containsExactlyInAnyOrder(TOPIC, newId);
        assertThatThrownBy(() -> store.updateTagCategory(id, "5e5e5e5e-0000-4000-8000-000000000002", none -> {
            store.updateTagCategory(id, "5e5e5e5e-0000-4000-8000-000000000002",
                    n -> new TagCategory("5e5e5e5e-0000-4000-8000-000000000002", id, "First", null, List.of(), false));
            return new TagCategory("5e5e5e5e-0000-4000-8000-000000000002", id, "Second", null, List.of(), false);
        })).isInstanceOf(VersionConflictException.class);
    }

    private static Instance renamed(Instance instance, String name) {
        ObjectNode tree = Json.MAPPER.valueToTree(instance);
        tree.put("name", name);
        return Json.MAPPER.convertValue(tree, Instance.class);
    }

    private static TagCategory retitled(TagCategory c, String text) {
        return new TagCategory(c.id(), c.instanceId(), text, c.color(), c.tags(), c.deleted());
    }
}

package dev.ticketing.local.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Refuses every DynamoDB write whose keys are not scoped to the instance that owns the item, so that a key which
 * forgets the instance fails the first test that writes it instead of leaking one tenant's data to another.
 *
 * <p>The rule, for each item a PutItem, UpdateItem, TransactWriteItems (Put, Update) or BatchWriteItem (PutRequest)
 * writes:
 * <ol>
 *   <li>The owner is the instance the table partition key names: the key is {@code INSTANCE#<id>} or starts with
 *       {@code INSTANCE#<id>#}, where {@code <id>} is not empty and holds no {@code #}.</li>
 *   <li>When the item carries an {@code instanceId} attribute, it names the owner.</li>
 *   <li>Every index partition key the item carries (those of {@code template.yaml}'s global secondary indexes) is
 *       {@code INSTANCE#<owner>} or starts with {@code INSTANCE#<owner>#}.</li>
 *   <li>The exceptions, by rule: API-key items ({@code PK = APIKEY#<hash>}, {@code SK = APIKEY}) are looked up by
 *       the key's hash before any instance is known. They must carry an {@code instanceId} and no index key.
 *       Instance-directory entries ({@code PK = INSTANCES}, {@code SK = INSTANCE#<id>}) list the instances for the
 *       admin tool, all in one partition. The sort key names the owner; they must carry an {@code instanceId} equal
 *       to it and no index key. The timers index ({@code dueShard} = {@code DUE#<n>}) holds every instance's
 *       running timers in a few shared partitions, for the scheduled automation: an item may carry it when its
 *       {@code dueAt} names the owner ({@code <time>#<owner>#<ticket>}).</li>
 *   <li>An UpdateItem writes its key plus the attributes its {@code SET} clause assigns as {@code name = :value};
 *       an {@code instanceId} or index key changed in any other way ({@code ADD}, {@code if_not_exists}, ...) is
 *       refused, since its value cannot be checked. {@code REMOVE} is allowed: an item without an index key is
 *       simply absent from that index.</li>
 * </ol>
 * Deletes and condition checks write no key and are not inspected. A refusal is an {@link AssertionError}, not a
 * runtime exception, so no {@code catch (RuntimeException)} in the code under test can turn it into an ordinary
 * error answer. Registered for every client of the tests through the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}).
 */
public final class InstanceKeyGuard implements ExecutionInterceptor {

    static final String INSTANCE_PREFIX = "INSTANCE#";
    static final String API_KEY_PREFIX = "APIKEY#";
    static final String API_KEY_SK = "APIKEY";
    static final String INSTANCE_ID = "instanceId";
    static final String INSTANCE_DIRECTORY_PK = "INSTANCES";
    static final String DUE_SHARD = "dueShard";
    static final String DUE_AT = "dueAt";
    private static final Pattern DUE_SHARD_VALUE = Pattern.compile("DUE#[0-9]+");

    private static final Pattern CLAUSE = Pattern.compile("\\b(SET|REMOVE|ADD|DELETE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIMPLE_ASSIGNMENT =
            Pattern.compile("\\s*(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)\\s*");
    private static final Pattern NAME = Pattern.compile("#?[A-Za-z0-9_]+");

    private final String partitionKey;
    private final String sortKey;
    private final Set<String> indexPartitionKeys;

    /** The table as {@code template.yaml} defines it; the SDK calls this for every client it builds. */
    public InstanceKeyGuard() {
        this(TemplateKeys.PARTITION_KEY, TemplateKeys.SORT_KEY, TemplateKeys.INDEX_PARTITION_KEYS);
    }

    public InstanceKeyGuard(String partitionKey, String sortKey, Set<String> indexPartitionKeys) {
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.indexPartitionKeys = Set.copyOf(indexPartitionKeys);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        check(context.request());
    }

    /** Throws {@link InstanceKeyViolation} when {@code request} writes an item whose keys break the rule. */
    public void check(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            checkItem(put.item(), "PutItem");
        } else if (request instanceof UpdateItemRequest update) {
            checkItem(updatedAttributes(update.key(), update.updateExpression(), update.expressionAttributeNames(),
                    update.expressionAttributeValues()), "UpdateItem");
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem action : transaction.transactItems()) {
                if (action.put() != null) {
                    checkItem(action.put().item(), "TransactWriteItems Put");
                } else if (action.update() != null) {
                    checkItem(updatedAttributes(action.update().key(), action.update().updateExpression(),
                            action.update().expressionAttributeNames(), action.update().expressionAttributeValues()),
                            "TransactWriteItems Update");
                }
            }
        } else if (request instanceof BatchWriteItemRequest batch) {
            for (List<WriteRequest> writes : batch.requestItems().values()) {
                for (WriteRequest write : writes) {
                    if (write.putRequest() != null) {
                        checkItem(write.putRequest().item(), "BatchWriteItem PutRequest");
                    }
                }
            }
        }
    }

    private void checkItem(Map<String, AttributeValue> item, String operation) {
        String pk = string(item, partitionKey)
                .orElseThrow(() -> violation(operation, "has no string " + partitionKey, item));
        Optional<String> instanceId = string(item, INSTANCE_ID);
        if (pk.startsWith(API_KEY_PREFIX) && string(item, sortKey).filter(API_KEY_SK::equals).isPresent()) {
            if (instanceId.isEmpty()) {
                throw violation(operation, "is an API-key item without " + INSTANCE_ID, item);
            }
            indexPartitionKeys.stream().filter(item::containsKey).findFirst().ifPresent(index -> {
                throw violation(operation, "is an API-key item with the index key " + index, item);
            });
            return;
        }
        if (pk.equals(INSTANCE_DIRECTORY_PK)) {
            String entryOwner = string(item, sortKey).flatMap(InstanceKeyGuard::owner)
                    .filter(id -> !id.contains("#") && ("INSTANCE#" + id).equals(item.get(sortKey).s()))
                    .orElseThrow(() -> violation(operation, "is an instance-directory entry whose " + sortKey
                            + " is not INSTANCE#<instanceId>", item));
            if (!instanceId.filter(entryOwner::equals).isPresent()) {
                throw violation(operation, "is the instance-directory entry of " + entryOwner + " with "
                        + INSTANCE_ID + " " + instanceId.orElse("(none)"), item);
            }
            indexPartitionKeys.stream().filter(item::containsKey).findFirst().ifPresent(index -> {
                throw violation(operation, "is an instance-directory entry with the index key " + index, item);
            });
            return;
        }
        String owner = owner(pk).orElseThrow(() -> violation(operation,
                "has " + partitionKey + " " + pk + ", which names no instance", item));
        instanceId.filter(id -> !id.equals(owner)).ifPresent(id -> {
            throw violation(operation, "belongs to instance " + id + " but its " + partitionKey + " names " + owner,
                    item);
        });
        for (String index : indexPartitionKeys) {
            if (item.containsKey(index)) {
                String value = string(item, index).orElseThrow(() -> violation(operation,
                        "has a non-string index key " + index, item));
                if (index.equals(DUE_SHARD)) {
                    checkTimer(value, owner, item, operation);
                    continue;
                }
                if (!owner(value).filter(owner::equals).isPresent()) {
                    throw violation(operation, "of instance " + owner + " has index key " + index + " " + value, item);
                }
            }
        }
    }

    /** A timers-index entry: a shard of every instance's timers, whose sort key names the item's owner. */
    private void checkTimer(String shard, String owner, Map<String, AttributeValue> item, String operation) {
        if (!DUE_SHARD_VALUE.matcher(shard).matches()) {
            throw violation(operation, "has " + DUE_SHARD + " " + shard + ", not DUE#<shard number>", item);
        }
        String dueAt = string(item, DUE_AT).orElse("");
        if (!dueAt.contains("#" + owner + "#")) {
            throw violation(operation, "of instance " + owner + " has " + DUE_AT + " " + dueAt
                    + ", which does not name it", item);
        }
    }

    /** {@code INSTANCE#<id>} or {@code INSTANCE#<id>#...} gives {@code <id>}. */
    static Optional<String> owner(String key) {
        if (!key.startsWith(INSTANCE_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(INSTANCE_PREFIX.length());
        int end = rest.indexOf('#');
        String id = end < 0 ? rest : rest.substring(0, end);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The key plus what the update expression assigns to a guarded attribute. A guarded attribute assigned in a way
     * whose value cannot be read from the request is mapped to a marker that fails every check.
     */
    private Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> key, String expression,
                                                         Map<String, String> names,
                                                         Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        if (expression == null) {
            return item;
        }
        Set<String> guarded = new LinkedHashSet<>(indexPartitionKeys);
        guarded.add(INSTANCE_ID);
        guarded.add(partitionKey);
        Matcher clause = CLAUSE.matcher(expression);
        List<int[]> starts = new ArrayList<>();
        while (clause.find()) {
            starts.add(new int[] {clause.start(), clause.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            String keyword = expression.substring(starts.get(i)[0], starts.get(i)[1]).toUpperCase(Locale.ROOT);
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : expression.length();
            String body = expression.substring(starts.get(i)[1], end);
            if (keyword.equals("REMOVE")) {
                continue;
            }
            for (String action : topLevelParts(body)) {
                String target = firstName(action).map(name -> resolve(name, names)).orElse("");
                if (!guarded.contains(target)) {
                    continue;
                }
                Matcher simple = SIMPLE_ASSIGNMENT.matcher(action);
                AttributeValue value = keyword.equals("SET") && simple.matches() && values != null
                        ? values.get(simple.group(2)) : null;
                item.put(target, value != null ? value : AttributeValue.fromS("<unverifiable: " + keyword
                        + " " + action.strip() + ">"));
            }
        }
        return item;
    }

    private static List<String> topLevelParts(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(body.substring(from));
        return parts;
    }

    private static Optional<String> firstName(String action) {
        Matcher name = NAME.matcher(action);
        return name.find() ? Optional.of(name.group()) : Optional.empty();
    }

    private static String resolve(String name, Map<String, String> names) {
        return name.startsWith("#") && names != null ? names.getOrDefault(name, name) : name;
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? Optional.empty() : Optional.ofNullable(value.s());
    }

    private InstanceKeyViolation violation(String operation, String problem, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> keys = new TreeMap<>();
        List.of(partitionKey, sortKey, INSTANCE_ID).forEach(name -> {
            if (item.containsKey(name)) {
                keys.put(name, item.get(name));
            }
        });
        indexPartitionKeys.forEach(name -> {
            if (item.containsKey(name)) {
                keys.put(name, item.get(name));
            }
        });
        return new InstanceKeyViolation(operation + ": an item " + problem + "; every key of an instance's item must "
                + "start with " + INSTANCE_PREFIX + "<that instance> (keys: " + keys + ")");
    }

    /** A write whose keys are not scoped to the instance that owns the item. */
    public static final class InstanceKeyViolation extends AssertionError {

        private static final long serialVersionUID = 1L;

        InstanceKeyViolation(String message) {
            super(message);
        }
    }

    /** Read once per JVM: the SDK builds a new guard for every client. */
    private static final class TemplateKeys {

        static final String PARTITION_KEY;
        static final String SORT_KEY;
        static final Set<String> INDEX_PARTITION_KEYS;

        static {
            TemplateTable template = TemplateTable.load();
            PARTITION_KEY = template.partitionKey();
            SORT_KEY = template.sortKey().orElse("SK");
            Set<String> indexKeys = new LinkedHashSet<>();
            template.globalSecondaryIndexes().forEach(index ->
                    TemplateTable.keyAttribute(index.keySchema(), KeyType.HASH).ifPresent(indexKeys::add));
            indexKeys.remove(PARTITION_KEY);
            INDEX_PARTITION_KEYS = Set.copyOf(indexKeys);
        }
    }
}

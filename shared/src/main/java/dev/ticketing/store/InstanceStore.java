package dev.ticketing.store;

import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Storage port for instances, their API key hashes and their tag categories. */
public interface InstanceStore {

    /**
     * Creates an instance, its tag categories and the items of its two key hashes in one transaction.
     * Fails with a conflict if the instance already exists.
     */
    void create(Instance instance, List<TagCategory> tagCategories, String primaryKeyHash,
                String secondaryKeyHash, String usageIdentifierKey);

    Optional<Instance> find(String instanceId);

    /**
     * Up to {@code limit} instances in instance-id order, starting after the instance {@code after} names, read
     * from the instance directory (one Query per page, never a scan).
     */
    InstancePage list(int limit, Optional<String> after);

    Optional<ApiKeyOwner> findByKeyHash(String keyHash);

    /** Replaces one key's hash: the old key stops working in the same transaction as the new one starts. */
    void replaceKey(String instanceId, ApiKeySlot slot, String newKeyHash);

    List<TagCategory> tagCategories(String instanceId);

    /**
     * Replaces an existing instance's definition (settings and custom fields); its keys stay as they are.
     * Fails with a conflict if the instance changed since {@code change} read it.
     */
    Instance updateDefinition(String instanceId, UnaryOperator<Instance> change);

    /**
     * Creates a tag category ({@code change} receives empty) or changes an existing one, with a condition
     * on its version so that a concurrent change (such as a ticket adding a tag) is never overwritten.
     */
    TagCategory updateTagCategory(String instanceId, String tagCategoryId,
                                  Function<Optional<TagCategory>, TagCategory> change);
}

package dev.ticketing.testing;

import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.store.InstancePage;
import dev.ticketing.store.InstanceStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An instance store that runs a hook after each read of the tag categories, before the caller sees them: the
 * place to change a category between a request's validation and its commit, or to hold concurrent requests there.
 */
public final class TagCategoriesReadHook implements InstanceStore {

    private final InstanceStore store;
    private final Runnable afterRead;

    public TagCategoriesReadHook(InstanceStore store, Runnable afterRead) {
        this.store = store;
        this.afterRead = afterRead;
    }

    @Override
    public List<TagCategory> tagCategories(String instanceId) {
        List<TagCategory> categories = store.tagCategories(instanceId);
        afterRead.run();
        return categories;
    }

    @Override
    public void create(Instance instance, List<TagCategory> tagCategories, String primaryKeyHash,
                       String secondaryKeyHash, String usageIdentifierKey) {
        store.create(instance, tagCategories, primaryKeyHash, secondaryKeyHash, usageIdentifierKey);
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return store.find(instanceId);
    }

    @Override
    public InstancePage list(int limit, Optional<String> after) {
        return store.list(limit, after);
    }

    @Override
    public Optional<ApiKeyOwner> findByKeyHash(String keyHash) {
        return store.findByKeyHash(keyHash);
    }

    @Override
    public void replaceKey(String instanceId, ApiKeySlot slot, String newKeyHash) {
        store.replaceKey(instanceId, slot, newKeyHash);
    }

    @Override
    public Instance updateDefinition(String instanceId, UnaryOperator<Instance> change) {
        return store.updateDefinition(instanceId, change);
    }

    @Override
    public TagCategory updateTagCategory(String instanceId, String tagCategoryId,
                                         Function<Optional<TagCategory>, TagCategory> change) {
        return store.updateTagCategory(instanceId, tagCategoryId, change);
    }
}

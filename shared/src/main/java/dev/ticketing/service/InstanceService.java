package dev.ticketing.service;

import dev.ticketing.error.ForbiddenException;
import dev.ticketing.model.Instance;
import dev.ticketing.model.TagCategory;
import dev.ticketing.store.InstanceStore;
import java.util.List;

/** Reads the caller's instance settings and tag categories; a disabled or vanished instance answers 403. */
public final class InstanceService {

    private final InstanceStore instances;

    public InstanceService(InstanceStore instances) {
        this.instances = instances;
    }

    /**
     * The calling instance, the one check every route makes once per request: a vanished or disabled instance is
     * refused, whatever the authorizer's cache still allows.
     */
    public Instance get(String instanceId) {
        Instance instance = instances.find(instanceId)
                .orElseThrow(() -> new ForbiddenException("The instance of this API key no longer exists."));
        if (!instance.enabled()) {
            throw new ForbiddenException("The instance of this API key is disabled.");
        }
        return instance;
    }

    /** Every tag category, deleted ones included: old tickets still carry their tags. */
    public List<TagCategory> tagCategories(String instanceId) {
        get(instanceId);
        return instances.tagCategories(instanceId);
    }
}

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

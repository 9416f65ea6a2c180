package dev.ticketing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.auth.ApiKeys;
import dev.ticketing.error.ConflictException;
import dev.ticketing.json.Json;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.store.InstanceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Seeds the demo instance of {@code demo-instance.json} and hands out working keys for it. */
final class DemoInstance {

    static final String DEFINITION = "/demo-instance.json";

    private DemoInstance() {
    }

    /**
     * Creates the demo instance. If the engine kept it from an earlier run, its keys exist only as hashes, so new
     * ones are issued (the requested primary key is kept when it already works).
     */
    static CreatedInstance seed(InstanceStore store, Optional<String> primaryKey) {
        JsonNode definition = definition();
        try {
            return new InstanceAdminService(store).create(definition, primaryKey, null);
        } catch (ConflictException alreadyThere) {
            String instanceId = definition.path("id").asText();
            String primary = primaryKey.filter(key -> owns(store, key, instanceId, ApiKeySlot.primary))
                    .orElseGet(() -> issue(store, instanceId, ApiKeySlot.primary, primaryKey));
            String secondary = issue(store, instanceId, ApiKeySlot.secondary, Optional.empty());
            return new CreatedInstance(instanceId, primary, secondary);
        }
    }

    static JsonNode definition() {
        try (InputStream in = DemoInstance.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFINITION, e);
        }
    }

    private static boolean owns(InstanceStore store, String key, String instanceId, ApiKeySlot slot) {
        Optional<ApiKeyOwner> owner = store.findByKeyHash(ApiKeys.hash(key));
        return owner.isPresent() && owner.get().instanceId().equals(instanceId) && owner.get().slot() == slot;
    }

    private static String issue(InstanceStore store, String instanceId, ApiKeySlot slot, Optional<String> wanted) {
        String key = wanted.orElseGet(ApiKeys::generate);
        store.replaceKey(instanceId, slot, ApiKeys.hash(key));
        return key;
    }
}

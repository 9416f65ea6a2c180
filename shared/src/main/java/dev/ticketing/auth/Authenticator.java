package dev.ticketing.auth;

import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.store.InstanceStore;
import java.util.Optional;

/** Resolves an API key to the instance it belongs to. */
public final class Authenticator {

    /** Keys shorter or longer than any key we issue are rejected without a database read. */
    static final int MIN_KEY_LENGTH = 32;
    static final int MAX_KEY_LENGTH = 128;

    private final InstanceStore instances;

    public Authenticator(InstanceStore instances) {
        this.instances = instances;
    }

    public Optional<ApiKeyOwner> authenticate(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return instances.findByKeyHash(ApiKeys.hash(key));
    }
}

package dev.ticketing.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.Dependencies;
import dev.ticketing.service.CreatedInstance;
import dev.ticketing.service.InstanceAdminService;
import dev.ticketing.store.ApiKeyOwner;
import dev.ticketing.store.ApiKeySlot;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class AuthenticatorIT {

    private static Dependencies deps;
    private static TestTable table;

    @BeforeAll
    static void setUp(TestTable testTable) {
        table = testTable;
        deps = Fixtures.dependencies(testTable);
    }

    @Test
    void primaryAndSecondaryKeys_bothResolveToTheirInstance() {
        CreatedInstance instance = Fixtures.createDemoInstance(deps);

        assertThat(deps.authenticator().authenticate(instance.primaryKey()))
                .contains(new ApiKeyOwner(instance.instanceId(), ApiKeySlot.primary, null));
        assertThat(deps.authenticator().authenticate(instance.secondaryKey()))
                .contains(new ApiKeyOwner(instance.instanceId(), ApiKeySlot.secondary, null));
    }

    @Test
    void missingShortUnknownAndForeignKeys_resolveToNothing() {
        Fixtures.createDemoInstance(deps);

        assertThat(deps.authenticator().authenticate(null)).isEmpty();
        assertThat(deps.authenticator().authenticate("short")).isEmpty();
        assertThat(deps.authenticator().authenticate(ApiKeys.generate())).isEmpty();
    }

    @Test
    void rotatedKey_stopsWorking_whileTheOtherSlotKeepsWorking() {
        CreatedInstance instance = Fixtures.createDemoInstance(deps);
        InstanceAdminService admin = new InstanceAdminService(deps.instanceStore());

        String newPrimary = admin.rotateKey(instance.instanceId(), ApiKeySlot.primary);

        assertThat(deps.authenticator().authenticate(instance.primaryKey())).isEmpty();
        assertThat(deps.authenticator().authenticate(newPrimary)).isPresent();
        assertThat(deps.authenticator().authenticate(instance.secondaryKey())).isPresent();

        String newSecondary = admin.rotateKey(instance.instanceId(), ApiKeySlot.secondary);
        assertThat(deps.authenticator().authenticate(instance.secondaryKey())).isEmpty();
        assertThat(deps.authenticator().authenticate(newSecondary)).isPresent();
        assertThat(deps.authenticator().authenticate(newPrimary)).isPresent();
    }

    @Test
    void keys_areNeverStored_onlyTheirHashes() {
        CreatedInstance instance = Fixtures.createDemoInstance(deps);

        String everything = table.client().scan(r -> r.tableName(table.tableName())).items().toString();

        assertThat(everything).doesNotContain(instance.primaryKey()).doesNotContain(instance.secondaryKey());
        assertThat(everything).contains(ApiKeys.hash(instance.primaryKey()));
    }

    @Test
    void generatedKeys_areLongRandomAndDistinct() {
        String a = ApiKeys.generate();
        String b = ApiKeys.generate();

        assertThat(a).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(b).matches("[A-Za-z0-9_-]+");
        assertThat(ApiKeys.hash(a)).hasSize(64).isEqualTo(ApiKeys.hash(a));
    }
}

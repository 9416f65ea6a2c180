package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ForbiddenException;
import dev.ticketing.store.TicketQuery;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbEngine.class)
class TicketListServiceIT {

    @Test
    void list_answersForbidden_forADisabledInstance_asEveryOtherRouteDoes(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);
        String enabled = Fixtures.createDemoInstance(deps).instanceId();
        ObjectNode definition = Fixtures.demoDefinition();
        definition.put("id", UUID.randomUUID().toString());
        definition.put("enabled", false);
        String disabled = new InstanceAdminService(deps.instanceStore())
                .create(definition, Optional.empty(), null).instanceId();

        assertThat(deps.ticketListService().list(query(enabled)).items()).isEmpty();
        assertThatThrownBy(() -> deps.ticketListService().list(query(disabled)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("disabled");
    }

    @Test
    void list_answersForbidden_forAnInstanceThatNoLongerExists(TestTable table) {
        Dependencies deps = Fixtures.dependencies(table);

        assertThatThrownBy(() -> deps.ticketListService().list(query(UUID.randomUUID().toString())))
                .isInstanceOf(ForbiddenException.class);
    }

    private static TicketQuery query(String instanceId) {
        return TicketListParameters.parse(instanceId, name -> Optional.empty(), Optional.empty());
    }
}

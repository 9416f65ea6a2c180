package dev.ticketing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Persona;
import dev.ticketing.model.SlaPolicy;
import dev.ticketing.model.SlaPolicy.SlaTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelSettingsTest {

    @Test
    void aPolicyWithOneRulePerPriority_andFractionalHours_isAccepted() {
        assertThat(errors(instance(new SlaPolicy(true, List.of(new SlaTarget("Urgent", 0.0167, 4.0),
                new SlaTarget("Low", null, 72.0))), null, null, null))).isEmpty();
    }

    @Test
    void everyWrongRule_isNamedByItsPath() {
        List<SlaTarget> rules = Arrays.asList(new SlaTarget("Critical", 1.0, 2.0), new SlaTarget("Urgent", 0.0, 2.0),
                new SlaTarget("Urgent", 1.0, 9000.0), new SlaTarget("Low", null, null), null);

        assertThat(errors(instance(new SlaPolicy(true, rules), null, null, null))).containsExactlyInAnyOrder(
                "sla.rules[0].priority", "sla.rules[1].firstResponseHours", "sla.rules[2].priority",
                "sla.rules[2].resolutionHours", "sla.rules[3]", "sla.rules[4]");
    }

    @Test
    void idleSettings_needADayCountInRange_andSomeoneToAssignTo() {
        assertThat(errors(instance(null, 0, true, List.of()))).containsExactlyInAnyOrder("dayBeforeTicketsIdle",
                "idleTicketAssignedTo");
        assertThat(errors(instance(null, 366, false, null))).containsExactly("dayBeforeTicketsIdle");
        assertThat(errors(instance(null, 2, true, List.of(new Persona("p", "Pat", "pat@example.com", null)))))
                .isEmpty();
    }

    private static List<String> errors(Instance instance) {
        Errors errors = new Errors();
        ServiceLevelSettings.check(instance, errors);
        List<String> fields = new ArrayList<>();
        try {
            errors.throwIfAny();
        } catch (ValidationException e) {
            e.details().stream().map(FieldError::field).forEach(fields::add);
        }
        return fields;
    }

    private static Instance instance(SlaPolicy sla, Integer days, Boolean autoAssign, List<Persona> idleOwners) {
        return new Instance("i-1", null, "Test", true, null, null, null, null, null, List.of(), null, null, null,
                null, null, null, null, null, null, autoAssign, days, idleOwners, null, sla);
    }
}

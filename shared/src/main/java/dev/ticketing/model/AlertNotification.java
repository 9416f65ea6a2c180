package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** IAlertNotification: which ticket events notify whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNotification(
        boolean enabled,
        boolean onTicketCreated,
        boolean onStatusChanged,
        boolean onCommentAdded,
        List<Persona> recipients) {
}

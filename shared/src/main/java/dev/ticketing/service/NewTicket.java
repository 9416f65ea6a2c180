package dev.ticketing.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.model.Priority;
import dev.ticketing.model.TicketTag;
import dev.ticketing.model.User;
import java.time.Instant;
import java.util.List;

/** A validated POST /tickets request; {@code newTags} are its tags whose text is new to their category. */
public record NewTicket(
        String title,
        String description,
        String descriptionHtml,
        User requestor,
        Priority priority,
        User assignee,
        Instant expectedDate,
        ObjectNode customFields,
        List<TicketTag> tags,
        List<TicketTag> newTags,
        User user) {
}

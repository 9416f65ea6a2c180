package dev.ticketing.service;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import java.util.List;

/** A comment activity that attached files or links, with its ticket (as written) and its attachments. */
public record AttachmentActivity(Ticket ticket, Activity activity, List<ResolvedAttachment> attachments) {

    public AttachmentActivity {
        attachments = List.copyOf(attachments);
    }
}

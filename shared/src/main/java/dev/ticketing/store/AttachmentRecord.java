package dev.ticketing.store;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.Ticket;
import java.util.List;

/**
 * Attachments added to a ticket, written all or nothing: the ticket's new state (accepted only while the stored
 * version is still {@code expectedVersion}), the comment activity that records them, the attachments, and, when
 * they come from an upload URL, the completion of that pending upload (null otherwise).
 */
public record AttachmentRecord(Ticket ticket, long expectedVersion, Activity activity, List<Attachment> attachments,
                               PendingUpload completes) {

    public AttachmentRecord {
        attachments = List.copyOf(attachments);
    }
}

package dev.ticketing.store;

import dev.ticketing.model.Attachment;
import java.util.List;

/** One page of a ticket's attachments, oldest first; {@code continuationToken} is null on the last page. */
public record AttachmentPage(List<Attachment> items, String continuationToken) {

    public AttachmentPage {
        items = List.copyOf(items);
    }
}

package dev.ticketing.service;

import java.util.List;

/** One page of a ticket's attachments, oldest first; {@code continuationToken} is null on the last page. */
public record AttachmentList(List<ResolvedAttachment> items, String continuationToken) {

    public AttachmentList {
        items = List.copyOf(items);
    }
}

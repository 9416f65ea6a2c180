package dev.ticketing.store;

import dev.ticketing.model.User;
import java.time.Instant;

/**
 * A file a client was given an upload URL for, and what the attachment activity will say once the client reports
 * the upload done. It expires at {@code expiresAt} (the table's TTL removes it later); once completed it names the
 * activity that recorded the file, so a repeated completion gets that activity back.
 *
 * @param id                  the upload's id, which the attachment keeps
 * @param completedActivityId null until the upload is completed
 */
public record PendingUpload(String instanceId, long ticketId, String id, String fileName, String contentType,
                            long size, String comment, boolean isPrivate, User user, Instant createdOn,
                            Instant expiresAt, String completedActivityId) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean completed() {
        return completedActivityId != null;
    }
}

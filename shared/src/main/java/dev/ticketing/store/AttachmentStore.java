package dev.ticketing.store;

import dev.ticketing.model.Attachment;
import java.util.List;
import java.util.Optional;

/** Storage port for attachment metadata and pending uploads; the files themselves are {@link AttachmentFiles}. */
public interface AttachmentStore {

    /**
     * Writes the record atomically, only if the stored ticket still has the expected version (otherwise
     * {@link VersionConflictException}) and, when it completes an upload, only if that upload is still pending
     * (otherwise {@link UploadNotPendingException}). Nothing is written when either fails.
     */
    void record(AttachmentRecord record);

    /** A ticket's attachments, oldest first; the token comes from the previous page (null for the first). */
    Page<Attachment> attachments(String instanceId, long ticketNumber, int limit, String continuationToken);

    /** The attachments of one attachment activity, in order; empty when the instance has no such activity. */
    Optional<List<Attachment>> activityAttachments(String instanceId, String activityId);

    /** Records an upload URL handed out; its id is new. */
    void startUpload(PendingUpload upload);

    /** A pending or completed upload of the ticket, read with strong consistency; expired ones may be returned. */
    Optional<PendingUpload> findUpload(String instanceId, long ticketNumber, String uploadId);
}

package dev.ticketing.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.ActivityType;
import dev.ticketing.model.Attachment;
import dev.ticketing.model.Instance;
import dev.ticketing.model.Ticket;
import dev.ticketing.service.AttachmentRequests.Common;
import dev.ticketing.store.AttachmentFiles;
import dev.ticketing.store.AttachmentFiles.FileRef;
import dev.ticketing.store.AttachmentFiles.StoredFile;
import dev.ticketing.store.AttachmentRecord;
import dev.ticketing.store.AttachmentStore;
import dev.ticketing.store.InstanceStore;
import dev.ticketing.store.Page;
import dev.ticketing.store.PendingUpload;
import dev.ticketing.store.TicketStore;
import dev.ticketing.store.UploadNotPendingException;
import dev.ticketing.store.VersionConflictException;
import dev.ticketing.validation.AttachmentTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Files and links attached to tickets. Each addition is one comment activity with its attachments, written with the
 * ticket's new version in one transaction (as a comment is), so the ticket, the activity and the attachments exist
 * together or not at all. A file's bytes are stored first, as referenced; if the transaction then fails, they are
 * marked unreferenced and the storage's lifecycle removes them.
 *
 * <p>Files come in two ways: in a multipart/form-data request (up to {@value AttachmentRequests#MAX_MULTIPART_BYTES}
 * bytes together), or through an upload URL: the client asks for one with {@code {"upload": {...}}}, PUTs the bytes
 * to it, and completes the upload with {@code {"uploadId"}}; only then, and only if the stored file has the declared
 * size and type, is the attachment recorded and visible.
 */
public final class AttachmentService {

    /** How long an upload URL accepts the file. */
    public static final Duration UPLOAD_URL_VALIDITY = Duration.ofHours(1);
    /** How long an upload may be completed after its URL was handed out. */
    public static final Duration UPLOAD_RETENTION = Duration.ofHours(24);
    /** How long a download URL in an answer works. */
    public static final Duration DOWNLOAD_URL_VALIDITY = Duration.ofMinutes(15);
    public static final int DEFAULT_LIMIT = 100;
    /** A completion that keeps meeting a concurrent one re-reads the upload at most this often. */
    private static final int MAX_COMPLETION_ATTEMPTS = 5;

    private final AttachmentStore store;
    private final AttachmentFiles files;
    private final TicketService reader;
    private final Clock clock;

    public AttachmentService(TicketStore tickets, InstanceStore instances, AttachmentStore store,
                             AttachmentFiles files, Clock clock) {
        this.store = store;
        this.files = files;
        this.reader = new TicketService(tickets, instances, clock);
        this.clock = clock;
    }

    /** What a JSON post did: recorded links or a completed upload, or handed out an upload URL. */
    public sealed interface Outcome permits Recorded, UploadStarted {
    }

    public record Recorded(AttachmentActivity activity) implements Outcome {
    }

    public record UploadStarted(UploadGrant grant) implements Outcome {
    }

    /**
     * POST /tickets/{ticketId}/attachments with a JSON body: {@code {"attachments": [{"src", "caption"}], ...}}
     * records links; {@code {"upload": {"fileName", "contentType", "size"}, ...}} hands out an upload URL;
     * {@code {"uploadId"}} completes that upload.
     */
    public Outcome post(String instanceId, String ticketIdOrId, JsonNode body) {
        Instance instance = reader.enabledInstance(instanceId);
        return switch (AttachmentRequests.formOf(body)) {
            case LINKS -> new Recorded(addLinks(instance, ticketIdOrId, AttachmentRequests.parseLinks(body)));
            case UPLOAD_REQUEST -> new UploadStarted(startUpload(instanceId, ticketIdOrId,
                    AttachmentRequests.parseUploadRequest(body)));
            case COMPLETION -> new Recorded(complete(instance, ticketIdOrId,
                    AttachmentRequests.parseCompletion(body)));
        };
    }

    private AttachmentActivity addLinks(Instance instance, String ticketIdOrId, AttachmentRequests.NewLinks request) {
        List<String> ids = new ArrayList<>();
        request.links().forEach(link -> ids.add(AttachmentRequests.newId()));
        return record(instance, ticketIdOrId, request.common(), null, activity -> {
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < request.links().size(); i++) {
                AttachmentRequests.Link link = request.links().get(i);
                attachments.add(Attachment.link(activity, i, ids.get(i), link.src(), link.caption(),
                        request.common().isPrivate()));
            }
            return attachments;
        });
    }

    /** POST /tickets/{ticketId}/attachments with a multipart/form-data body: files, comment, isPrivate, user. */
    public AttachmentActivity upload(String instanceId, String ticketIdOrId, List<UploadPart> parts) {
        Instance instance = reader.enabledInstance(instanceId);
        AttachmentRequests.NewFiles request = AttachmentRequests.parseFiles(parts);
        Ticket ticket = find(instanceId, ticketIdOrId);
        List<FileRef> refs = new ArrayList<>();
        try {
            for (AttachmentRequests.File file : request.files()) {
                FileRef ref = new FileRef(instanceId, ticket.ticketId(), AttachmentRequests.newId());
                refs.add(ref);
                files.store(ref, file.content(), file.contentType());
            }
            return record(instance, ticketIdOrId, request.common(), null, activity -> {
                List<Attachment> attachments = new ArrayList<>();
                for (int i = 0; i < request.files().size(); i++) {
                    AttachmentRequests.File file = request.files().get(i);
                    attachments.add(Attachment.file(activity, i, refs.get(i).attachmentId(), file.fileName(),
                            file.contentType(), file.content().length, request.common().isPrivate()));
                }
                return attachments;
            });
        } catch (RuntimeException e) {
            refs.forEach(files::markUnreferenced);
            throw e;
        }
    }

    private UploadGrant startUpload(String instanceId, String ticketIdOrId, AttachmentRequests.NewUpload request) {
        Ticket ticket = find(instanceId, ticketIdOrId);
        Instant now = now();
        String id = AttachmentRequests.newId();
        Common common = request.common();
        store.startUpload(new PendingUpload(instanceId, ticket.ticketId(), id, request.fileName(),
                request.contentType(), request.size(), common.comment(), common.isPrivate(), common.user(), now,
                now.plus(UPLOAD_RETENTION).truncatedTo(ChronoUnit.SECONDS), null));
        AttachmentFiles.UploadTarget target = files.uploadTarget(new FileRef(instanceId, ticket.ticketId(), id),
                request.contentType(), request.size(), UPLOAD_URL_VALIDITY);
        return new UploadGrant(id, target, request.fileName(), request.contentType(), request.size());
    }

    private AttachmentActivity complete(Instance instance, String ticketIdOrId, String uploadId) {
        String instanceId = instance.id();
        Ticket ticket = find(instanceId, ticketIdOrId);
        FileRef ref = new FileRef(instanceId, ticket.ticketId(), uploadId);
        for (int attempt = 1; attempt <= MAX_COMPLETION_ATTEMPTS; attempt++) {
            Instant now = now();
            PendingUpload upload = store.findUpload(instanceId, ticket.ticketId(), uploadId)
                    .filter(u -> u.completed() || !u.expiredAt(now))
                    .orElseThrow(() -> new NotFoundException("Upload " + uploadId + " of ticket " + ticketIdOrId
                            + " does not exist or has expired; ask for a new upload URL."));
            if (upload.completed()) {
                return completed(upload);
            }
            checkUploaded(upload, files.find(ref));
            files.markReferenced(ref);
            Common common = new Common(upload.comment(), null, upload.isPrivate(), upload.user());
            try {
                return record(instance, ticketIdOrId, common, upload, activity -> List.of(Attachment.file(activity,
                        0, uploadId, upload.fileName(), upload.contentType(), upload.size(), upload.isPrivate())));
            } catch (UploadNotPendingException concurrent) {
                // Another request completed it (and keeps the file referenced), or it expired: read it again.
                continue;
            } catch (RuntimeException e) {
                files.markUnreferenced(ref);
                throw e;
            }
        }
        throw new ConflictException(ErrorCode.ConcurrentModification, "Upload " + uploadId
                + " is being completed by many requests at once; retry the request.");
    }

    /** The stored file must be there, with the size and type its upload URL was asked for. */
    private static void checkUploaded(PendingUpload upload, Optional<StoredFile> stored) {
        String field = AttachmentRequests.UPLOAD_ID;
        if (stored.isEmpty()) {
            throw new ValidationException(field, "names an upload whose file has not been uploaded yet: PUT it to "
                    + "the upload URL first, then complete the upload");
        }
        if (stored.get().size() != upload.size()) {
            throw new ValidationException(field, "names an upload of " + upload.size() + " bytes, but "
                    + stored.get().size() + " bytes were uploaded; upload the file again to its URL");
        }
        String type = stored.get().contentType() == null ? ""
                : stored.get().contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!type.equals(upload.contentType())) {
            throw new ValidationException(field, "names an upload of type " + upload.contentType()
                    + ", but the file was uploaded as " + (type.isEmpty() ? "no type" : type)
                    + "; upload it again with the headers given with the URL");
        }
    }

    /** A completion repeated after it succeeded: the activity it recorded. */
    private AttachmentActivity completed(PendingUpload upload) {
        List<Attachment> attachments = store.activityAttachments(upload.instanceId(), upload.completedActivityId())
                .filter(list -> !list.isEmpty())
                .orElseThrow(() -> new IllegalStateException("Upload " + upload.id() + " names activity "
                        + upload.completedActivityId() + ", which has no attachments"));
        Ticket ticket = reader.find(upload.instanceId(), Long.toString(upload.ticketId()))
                .orElseThrow(() -> new NotFoundException("Ticket " + upload.ticketId() + " does not exist."));
        Common common = new Common(upload.comment(), null, upload.isPrivate(), upload.user());
        Activity activity = new Activity(upload.instanceId(), upload.ticketId(), ticket.id(),
                upload.completedActivityId(),
                ActivityType.comment, upload.user(), attachments.get(0).createdOn(), details(common, attachments));
        return new AttachmentActivity(ticket, activity, resolve(attachments));
    }

    /** GET /tickets/{ticketId}/attachments: every attachment of the ticket, oldest first, paged. */
    public Page<ResolvedAttachment> list(String instanceId, String ticketIdOrId, PageRequest request) {
        Ticket ticket = reader.get(instanceId, ticketIdOrId);
        Page<Attachment> page = StoreFailures.translated(() -> store.attachments(instanceId, ticket.ticketId(),
                request.limit(), request.continuationToken().orElse(null)));
        return new Page<>(resolve(page.items()), page.continuationToken());
    }

    /** GET /tickets/activity/{activityId}/attachments: the attachments one attachment activity added. */
    public List<ResolvedAttachment> ofActivity(String instanceId, String activityId) {
        reader.enabledInstance(instanceId);
        Optional<List<Attachment>> attachments = AttachmentRequests.isUuid(activityId)
                ? store.activityAttachments(instanceId, activityId.strip().toLowerCase(Locale.ROOT))
                : Optional.empty();
        return resolve(attachments.orElseThrow(() -> new NotFoundException("Activity " + activityId
                + " does not exist or attached nothing; list a ticket's attachments with"
                + " GET /tickets/{ticketId}/attachments.")));
    }

    /**
     * Writes the ticket's next version, the activity and its attachments (and the upload's completion), re-reading
     * the ticket after a concurrent change, as comments are written.
     */
    /** {@code instance}: the caller's, as checked by the request; its settings give the ticket's service levels. */
    private AttachmentActivity record(Instance instance, String ticketIdOrId, Common common, PendingUpload completes,
                                      Function<Activity, List<Attachment>> attachmentsOf) {
        String instanceId = instance.id();
        for (int attempt = 1; ; attempt++) {
            Ticket current = find(instanceId, ticketIdOrId);
            Instant now = now();
            // As a comment changes it: the next version, with the interaction (and perhaps the first response).
            Ticket changed = ServiceLevels.changed(instance, current, current.toBuilder().version(current.version() + 1)
                    .updated(common.user(), now).interaction(common.user(), now).build(), now);
            Activity shell = new Activity(instanceId, current.ticketId(), current.id(), AttachmentRequests.newId(),
                    ActivityType.comment, common.user(), now, Json.object());
            List<Attachment> attachments = attachmentsOf.apply(shell);
            Activity activity = new Activity(shell.instanceId(), shell.ticketId(), shell.ticketUuid(), shell.id(),
                    shell.type(), shell.user(), shell.createdOn(), details(common, attachments));
            try {
                store.record(new AttachmentRecord(changed, current.version(), activity, attachments, completes));
                return new AttachmentActivity(changed, activity, resolve(attachments));
            } catch (VersionConflictException e) {
                if (attempt == TicketLifecycleService.MAX_ATTEMPTS) {
                    throw new ConflictException(ErrorCode.ConcurrentModification, "Ticket " + current.ticketId()
                            + " is being changed by many requests at once; retry the request.");
                }
                TicketLifecycleService.backOff(attempt);
            }
        }
    }

    /**
     * What the activity itself says, so that the ticket's history shows the attachments: the comment, the flag, and
     * each attachment without a download URL (those are made for each read of the attachment routes).
     */
    static ObjectNode details(Common common, List<Attachment> attachments) {
        ObjectNode details = Json.object();
        details.put("comment", common.comment());
        if (common.commentHtml() != null) {
            details.put("comment_HTML", common.commentHtml());
        }
        details.put("isPrivate", common.isPrivate());
        ArrayNode list = details.putArray("attachments");
        for (Attachment a : attachments) {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("filename", a.fileName());
            n.put("caption", a.isFile() ? a.fileName() : a.caption());
            n.put("isHyperlink", !a.isFile());
            n.put("isImage", AttachmentTypes.isImage(a.contentType()));
            n.put("isArchive", AttachmentTypes.isArchive(a.contentType()));
            if (a.isFile()) {
                n.put("contentType", a.contentType());
                n.put("size", a.size());
            } else {
                n.put("src", a.src());
            }
        }
        return details;
    }

    private List<ResolvedAttachment> resolve(List<Attachment> attachments) {
        List<ResolvedAttachment> resolved = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            if (a.isFile()) {
                AttachmentFiles.Download download = files.download(new FileRef(a.instanceId(), a.ticketId(), a.id()),
                        a.fileName(), a.contentType(), DOWNLOAD_URL_VALIDITY);
                resolved.add(new ResolvedAttachment(a, download.url().toString(), download.expiresOn()));
            } else {
                resolved.add(new ResolvedAttachment(a, a.src(), null));
            }
        }
        return resolved;
    }

    private Ticket find(String instanceId, String ticketIdOrId) {
        return reader.find(instanceId, ticketIdOrId)
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketIdOrId + " does not exist."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

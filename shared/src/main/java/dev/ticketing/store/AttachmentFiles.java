package dev.ticketing.store;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for the bytes of attached files (the S3 bucket in AWS and in the sandbox). A file is named by its
 * instance, ticket and attachment id; the adapter decides where it lives.
 *
 * <p>A stored file is either referenced by an attachment record or not yet (or no longer): {@link #store} and
 * {@link #markReferenced} keep a file, {@link #markUnreferenced} and files uploaded through {@link #uploadTarget}
 * and never completed are removed by the storage's own lifecycle within about a day.
 */
public interface AttachmentFiles {

    /** Writes a file received through the API, as referenced. */
    void store(FileRef file, byte[] content, String contentType);

    /** A URL the client uploads the file's bytes to with one HTTP PUT and the given headers, until it expires. */
    UploadTarget uploadTarget(FileRef file, String contentType, long size, Duration validity);

    /** The stored file's size and media type, or empty when nothing is stored under the name. */
    Optional<StoredFile> find(FileRef file);

    /** Keeps a file uploaded through an {@link #uploadTarget}: an attachment record is about to reference it. */
    void markReferenced(FileRef file);

    /** Lets the storage's lifecycle remove a file no record references (best effort; failures are logged). */
    void markUnreferenced(FileRef file);

    /** A URL that downloads the file, as an attachment named {@code fileName}, until it expires. */
    Download download(FileRef file, String fileName, String contentType, Duration validity);

    /** Names one attachment's file. */
    record FileRef(String instanceId, long ticketNumber, String attachmentId) {
    }

    /** Where and how to upload; {@code headers} must be sent as given (they are part of the signature). */
    record UploadTarget(URI url, String method, Map<String, String> headers, Instant expiresOn) {

        public UploadTarget {
            headers = Map.copyOf(headers);
        }
    }

    record StoredFile(long size, String contentType) {
    }

    record Download(URI url, Instant expiresOn) {
    }
}

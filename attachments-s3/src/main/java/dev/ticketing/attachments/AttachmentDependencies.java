package dev.ticketing.attachments;

import dev.ticketing.Dependencies;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.store.s3.S3AttachmentFiles;

/**
 * The attachment functions' object graph: the container's {@link Dependencies} and the S3 bucket named by
 * {@code ATTACHMENTS_BUCKET}, built once per container. A function without a bucket fails its initialisation.
 */
public final class AttachmentDependencies {

    private AttachmentDependencies() {
    }

    public static AttachmentService service() {
        return Holder.SERVICE;
    }

    /** The service over {@code dependencies} and the bucket their configuration names. */
    public static AttachmentService create(Dependencies dependencies) {
        return dependencies.attachmentService(S3AttachmentFiles.create(dependencies.config()));
    }

    private static final class Holder {
        private static final AttachmentService SERVICE = create(Dependencies.get());
    }
}

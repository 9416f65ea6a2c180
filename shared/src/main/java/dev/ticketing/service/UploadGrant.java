package dev.ticketing.service;

import dev.ticketing.store.AttachmentFiles.UploadTarget;

/**
 * An upload URL handed out: the client PUTs the file's bytes to {@code target}, then completes the upload with
 * {@code {"uploadId"}}, which records the attachment.
 */
public record UploadGrant(String uploadId, UploadTarget target, String fileName, String contentType, long size) {
}

package dev.ticketing.service;

import dev.ticketing.model.Attachment;
import java.time.Instant;

/**
 * An attachment with the URL a client opens it at: a link's own address, or a short-lived download URL of a file
 * ({@code urlExpiresOn} says until when; null for links).
 */
public record ResolvedAttachment(Attachment attachment, String url, Instant urlExpiresOn) {
}

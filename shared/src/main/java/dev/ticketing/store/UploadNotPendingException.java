package dev.ticketing.store;

/**
 * The pending upload being completed was completed by another request, or expired and was removed, since it was
 * read; nothing was written. The service reads it again to tell which.
 */
public class UploadNotPendingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadNotPendingException(String message) {
        super(message, null, false, false);
    }
}

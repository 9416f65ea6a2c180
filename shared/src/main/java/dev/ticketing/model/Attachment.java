package dev.ticketing.model;

import java.time.Instant;

/**
 * A file or a link attached to a ticket by one attachment activity. A file's bytes are in object storage under the
 * ticket; a link is only its address.
 *
 * @param index       its place among the attachments of its activity, from 0
 * @param caption     a link's caption (null when none was given); null for files
 * @param src         a link's URL; null for files, whose download URLs are made for each read
 * @param fileName    a file's name, sanitised; null for links
 * @param contentType a file's media type, one of the allowed ones; null for links
 * @param size        a file's size in bytes; 0 for links
 * @param isPrivate   whether the activity is for agents only (the caller's flag, kept and returned)
 */
public record Attachment(String instanceId, long ticketId, String id, String activityId, int index, Kind kind,
                         String caption, String src, String fileName, String contentType, long size,
                         boolean isPrivate, User user, Instant createdOn) {

    /** What an attachment is. */
    public enum Kind {
        link, file
    }

    public static Attachment link(Activity activity, int index, String id, String src, String caption,
                                  boolean isPrivate) {
        return new Attachment(activity.instanceId(), activity.ticketId(), id, activity.id(), index, Kind.link,
                caption, src, null, null, 0, isPrivate, activity.user(), activity.createdOn());
    }

    public static Attachment file(Activity activity, int index, String id, String fileName, String contentType,
                                  long size, boolean isPrivate) {
        return new Attachment(activity.instanceId(), activity.ticketId(), id, activity.id(), index, Kind.file,
                null, null, fileName, contentType, size, isPrivate, activity.user(), activity.createdOn());
    }

    public boolean isFile() {
        return kind == Kind.file;
    }
}

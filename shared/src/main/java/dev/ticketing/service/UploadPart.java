package dev.ticketing.service;

/**
 * One part of a {@code multipart/form-data} body, as the handler read it: a file when it has a file name (then
 * {@code contentType} is its part's Content-Type, null when it had none), a text field otherwise.
 */
public record UploadPart(String name, String fileName, String contentType, byte[] content) {
}

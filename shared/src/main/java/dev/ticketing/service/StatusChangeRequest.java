package dev.ticketing.service;

import dev.ticketing.model.Status;
import dev.ticketing.model.User;

/** A validated status change: the target status, an optional resolution and comment, and who makes it. */
public record StatusChangeRequest(Status status, String resolution, String comment, User user) {
}

package dev.ticketing.service;

import dev.ticketing.model.User;

/** A validated comment post. */
public record NewComment(String comment, User user) {
}

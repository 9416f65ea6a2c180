package dev.ticketing.service;

import dev.ticketing.model.User;

/**
 * A validated comment post. {@code commentHtml} is sanitised, or null when only text was sent; {@code comment} is
 * always the text (the HTML's text when only HTML was sent).
 */
public record NewComment(String comment, String commentHtml, boolean isPrivate, User user) {
}

package dev.ticketing.service;

import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import java.time.Instant;

/**
 * One record of the table's change stream that concerns a ticket: the ticket before and after (an insert has no
 * before), or a new comment.
 *
 * @param approximateTime when DynamoDB recorded the change
 */
public record StreamChange(Instant approximateTime, Ticket oldTicket, Ticket newTicket, Activity newComment) {
}

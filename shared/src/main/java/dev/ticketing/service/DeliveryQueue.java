package dev.ticketing.service;

import dev.ticketing.model.Delivery;

/**
 * The queue webhook deliveries wait in (SQS FIFO in AWS): deliveries of one webhook with one order key leave it in
 * the order they entered, and a delivery enqueued twice within the queue's de-duplication window is kept once.
 */
public interface DeliveryQueue {

    void enqueue(Delivery delivery);
}

package dev.ticketing.store;

import dev.ticketing.model.Instance;
import java.util.List;
import java.util.Optional;

/**
 * One page of the instance directory, in instance-id order.
 *
 * @param after the instance id to pass for the next page; empty on the last page
 */
public record InstancePage(List<Instance> instances, Optional<String> after) {
}

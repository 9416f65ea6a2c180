package dev.ticketing.store.dynamodb;

import dev.ticketing.model.Ticket;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Runs a ticket through the stored-item mapping both ways, in memory, so SnapStart priming covers the schemas. */
public final class SchemaPriming {

    private SchemaPriming() {
    }

    /** The ticket as it would be stored and read back; no I/O. */
    public static Ticket roundTrip(Ticket ticket) {
        Map<String, AttributeValue> item = TicketItem.SCHEMA.itemToMap(TicketItem.from(ticket), true);
        return TicketItem.SCHEMA.mapToItem(item).toTicket();
    }
}

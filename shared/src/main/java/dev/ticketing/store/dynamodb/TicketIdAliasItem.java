package dev.ticketing.store.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Maps a ticket's UUID to its number, so that GET by {@code id} is a strongly consistent read
 * (a GSI would be eventually consistent and could miss a ticket created a moment ago).
 */
final class TicketIdAliasItem {

    static final String TYPE = "ticketIdAlias";

    String pk;
    String sk;
    String type;
    Long ticketNumber;

    static final TableSchema<TicketIdAliasItem> SCHEMA = schema();

    private static TableSchema<TicketIdAliasItem> schema() {
        StaticTableSchema.Builder<TicketIdAliasItem> s = StaticTableSchema.builder(TicketIdAliasItem.class)
                .newItemSupplier(TicketIdAliasItem::new);
        Attributes.partitionKey(s, i -> i.pk, (i, v) -> i.pk = v);
        Attributes.sortKey(s, i -> i.sk, (i, v) -> i.sk = v);
        Attributes.string(s, "type", i -> i.type, (i, v) -> i.type = v);
        Attributes.number(s, "ticketId", i -> i.ticketNumber, (i, v) -> i.ticketNumber = v);
        return s.build();
    }

    static TicketIdAliasItem of(String instanceId, String ticketUuid, long ticketNumber) {
        TicketIdAliasItem i = new TicketIdAliasItem();
        i.pk = Keys.ticketIdAlias(instanceId, ticketUuid);
        i.sk = Keys.TICKET_ID_SK;
        i.type = TYPE;
        i.ticketNumber = ticketNumber;
        return i;
    }
}

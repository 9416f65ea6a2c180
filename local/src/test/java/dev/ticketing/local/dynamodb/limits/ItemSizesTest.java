package dev.ticketing.local.dynamodb.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sizing rules of https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html. */
class ItemSizesTest {

    @Test
    void stringsCountTheirUtf8Bytes_andTheAttributeNameToo() {
        assertThat(ItemSizes.item(Map.of("né", AttributeValue.fromS("€")))).isEqualTo(3 + 3);
    }

    @Test
    void numbersCountOneBytePerTwoSignificantDigitsPlusOne_zerosTrimmed() {
        assertThat(ItemSizes.value(AttributeValue.fromN("12345"))).isEqualTo(3 + 1);
        assertThat(ItemSizes.value(AttributeValue.fromN("0001200.000"))).isEqualTo(1 + 1);
        assertThat(ItemSizes.value(AttributeValue.fromN("1".repeat(38)))).isEqualTo(19 + 1);
    }

    @Test
    void binariesCountRawBytes_booleansAndNullsOneByte() {
        assertThat(ItemSizes.value(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))).isEqualTo(10);
        assertThat(ItemSizes.value(AttributeValue.fromBool(true))).isEqualTo(1);
        assertThat(ItemSizes.value(AttributeValue.fromNul(true))).isEqualTo(1);
    }

    @Test
    void listsAndMapsCostThreeBytesPlusOnePerElement() {
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(true)));
        AttributeValue map = AttributeValue.fromM(Map.of("k", AttributeValue.fromS("abc")));

        assertThat(ItemSizes.value(list)).isEqualTo(3 + (1 + 2) + (1 + 1));
        assertThat(ItemSizes.value(map)).isEqualTo(3 + (1 + 1 + 3));
        assertThat(ItemSizes.value(AttributeValue.fromL(List.of()))).isEqualTo(3);
    }
}

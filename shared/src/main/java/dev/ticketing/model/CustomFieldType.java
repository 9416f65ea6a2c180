package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of custom field an instance can define; their JSON names are the enum constants' names. The live API
 * names them by key instead ({@code {"key": "1_text", "text": "Text"}}); {@link #liveKey()} and {@link #fromLive}
 * translate. The live API has no number field: {@code number} uses the key {@code 8_number}, outside its range.
 */
public enum CustomFieldType {
    textField("1_text", "Text"),
    textArea("2_textarea", "Text area"),
    toggle("4_toggle", "Toggle"),
    datePicker("3_date", "Date"),
    peoplePicker("6_peoplepicker", "People picker"),
    singleItemPicker("5_list", "List"),
    multipleItemsPicker("5_list", "List"),
    number("8_number", "Number");

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    private final String liveKey;
    private final String liveText;

    CustomFieldType(String liveKey, String liveText) {
        this.liveKey = liveKey;
        this.liveText = liveText;
    }

    public String liveKey() {
        return liveKey;
    }

    public String liveText() {
        return liveText;
    }

    /** Whether the live API calls this field {@code isMultiple}: a list that takes several options. */
    public boolean isMultiple() {
        return this == multipleItemsPicker;
    }

    /**
     * The type a live key names; {@code 5_list} is a single or a multiple items picker as {@code isMultiple} says,
     * and {@code 7_emailpicker} (people picked by email) is a people picker here.
     */
    public static Optional<CustomFieldType> fromLive(String key, boolean isMultiple) {
        if ("5_list".equals(key)) {
            return Optional.of(isMultiple ? multipleItemsPicker : singleItemPicker);
        }
        if ("7_emailpicker".equals(key)) {
            return Optional.of(peoplePicker);
        }
        return Arrays.stream(values()).filter(t -> t.liveKey.equals(key)).findFirst();
    }
}

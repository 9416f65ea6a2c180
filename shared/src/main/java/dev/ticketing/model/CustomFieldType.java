package dev.ticketing.model;

import java.util.Arrays;
import java.util.List;

/** The kinds of custom field an instance can define; their JSON names are the enum constants' names. */
public enum CustomFieldType {
    textField, textArea, toggle, datePicker, peoplePicker, singleItemPicker, multipleItemsPicker, number;

    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();
}

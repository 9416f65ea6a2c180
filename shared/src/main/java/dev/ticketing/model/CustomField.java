package dev.ticketing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * ICustomField: a field the instance adds to its tickets, identified by a 36-character id.
 * {@code maxLength} bounds text values; {@code options} are the choices of item pickers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomField(
        String id,
        String name,
        CustomFieldType type,
        boolean required,
        Integer maxLength,
        List<CustomFieldOption> options,
        boolean deleted) {

    /** The longest text value accepted when a definition sets no maxLength. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 255;
    public static final int DEFAULT_MAX_TEXT_AREA_LENGTH = 10_000;

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public int effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == CustomFieldType.textArea ? DEFAULT_MAX_TEXT_AREA_LENGTH : DEFAULT_MAX_TEXT_LENGTH;
    }

    public Optional<CustomFieldOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}

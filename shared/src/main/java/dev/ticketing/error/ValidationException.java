package dev.ticketing.error;

import java.util.List;
import java.util.stream.Collectors;

/** One or more parameters or body fields are invalid; every one of them is listed. */
public class ValidationException extends TicketingException {

    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(ErrorCode.ValidationError, summary(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field error");
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}

package dev.ticketing.validation;

import dev.ticketing.error.FieldError;
import dev.ticketing.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request, so one 400 lists them all. */
public final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds every error of {@code other}, in order. */
    public void addAll(Errors other) {
        errors.addAll(other.errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

package dev.ticketing.service;

import dev.ticketing.error.ConflictException;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.store.AlreadyExistsException;
import dev.ticketing.store.InstanceNotFoundException;
import dev.ticketing.store.InvalidPageRequestException;
import dev.ticketing.store.VersionConflictException;
import java.util.function.Supplier;

/**
 * Where the store's port exceptions become the errors a caller is told about, for the store calls whose failures
 * go straight to the caller. (Failures a service retries, such as a taken ticket number, it catches itself.)
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static <T> T translated(Supplier<T> storeCall) {
        try {
            return storeCall.get();
        } catch (InvalidPageRequestException e) {
            throw new ValidationException(e.parameter(), e.getMessage());
        } catch (InstanceNotFoundException e) {
            throw new NotFoundException(e.getMessage());
        } catch (AlreadyExistsException e) {
            throw new ConflictException(ErrorCode.InstanceAlreadyExists, e.getMessage());
        } catch (VersionConflictException e) {
            throw new ConflictException(ErrorCode.ConcurrentModification, e.getMessage());
        }
    }

    static void translated(Runnable storeCall) {
        translated(() -> {
            storeCall.run();
            return null;
        });
    }
}

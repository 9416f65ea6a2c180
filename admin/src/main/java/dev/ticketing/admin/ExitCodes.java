package dev.ticketing.admin;

/** The admin tool's exit statuses; docs/operations.md lists them for operators' scripts. */
final class ExitCodes {

    static final int OK = 0;
    /** The request was refused: invalid definition, conflicting change, unreadable input file. */
    static final int REFUSED = 1;
    /** Unknown command, wrong arguments or missing configuration; the usage goes to standard error. */
    static final int USAGE = 2;
    /** The instance, tag category, field, API or stage does not exist. */
    static final int NOT_FOUND = 3;
    /** A call to AWS (or the local engine) failed; nothing was changed by the failing call. */
    static final int AWS_CALL_FAILED = 4;
    /** rotate-key only: the key was rotated (printed), but the authorizer cache could not be flushed. */
    static final int KEY_ROTATED_CACHE_NOT_FLUSHED = 5;

    private ExitCodes() {
    }
}

package dev.ticketing.bench.coldstart;

/**
 * One fresh execution environment's first invocation, in milliseconds.
 *
 * @param initMs  the emulator's {@code INIT REPORT}: the runtime client's start, the handler's class loading,
 *                static initialisation and construction
 * @param firstMs the emulator's {@code INVOKE RTDONE} of the first invocation: event handling, the handler's
 *                work and its DynamoDB calls, the answer written back
 * @param wallMs  from launching the emulator process to holding the answer: JVM start included
 */
record ColdRun(double initMs, double firstMs, double wallMs) {

    double totalMs() {
        return initMs + firstMs;
    }
}

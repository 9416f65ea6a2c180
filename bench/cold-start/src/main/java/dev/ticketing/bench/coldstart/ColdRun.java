package dev.ticketing.bench.coldstart;

/**
 * One fresh JVM's measurements.
 *
 * @param initNanos      handler class loading, static initialisation and construction
 * @param firstNanos     the first invocation, including its DynamoDB calls
 * @param classesBefore  classes the JVM and the harness had loaded before the handler
 * @param classesAfter   classes loaded in all by the end of the first invocation
 * @param jvmMillis      JVM start to the handler's construction (the same work for every variant)
 * @param wallMillis     process start to exit, as the parent saw it
 * @param status         the first response's status code
 */
record ColdRun(long initNanos, long firstNanos, long classesBefore, long classesAfter, long jvmMillis,
               long wallMillis, int status) {

    long totalNanos() {
        return initNanos + firstNanos;
    }

    long handlerClasses() {
        return classesAfter - classesBefore;
    }
}

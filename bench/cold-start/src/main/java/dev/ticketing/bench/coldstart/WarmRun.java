package dev.ticketing.bench.coldstart;

/**
 * One warm series in one JVM, in nanoseconds.
 *
 * @param ownP50   the handler's own time (total minus time inside DynamoDB calls), median
 * @param ownP99   the same, 99th percentile
 * @param totalP50 whole invocation, median
 * @param totalP99 whole invocation, 99th percentile
 * @param callsPerInvocation DynamoDB calls per invocation
 */
record WarmRun(long ownP50, long ownP99, long totalP50, long totalP99, double callsPerInvocation) {
}

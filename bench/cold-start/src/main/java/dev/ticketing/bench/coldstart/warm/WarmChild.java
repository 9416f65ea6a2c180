package dev.ticketing.bench.coldstart.warm;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs in one JVM: constructs a function's handler as Lambda does and invokes it N times with one event, then prints
 * one {@code WARM} line of p50/p99 nanoseconds: the handler's own time (total minus time inside DynamoDB calls),
 * the total, and DynamoDB calls per invocation. Usage: {@code WarmChild <handler class> <serialised event> <N>}.
 */
public final class WarmChild {

    private WarmChild() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Object event;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
            event = in.readObject();
        }
        int n = Integer.parseInt(args[2]);
        RequestHandler handler = (RequestHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long[] own = new long[n];
        long[] total = new long[n];
        long calls = 0;
        for (int i = 0; i < n; i++) {
            DynamoDbTimer.reset();
            long start = System.nanoTime();
            Object response = handler.handleRequest(event, null);
            total[i] = System.nanoTime() - start;
            own[i] = total[i] - DynamoDbTimer.nanos();
            calls += DynamoDbTimer.calls();
            int status = ((APIGatewayProxyResponseEvent) response).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException("invocation " + i + " answered " + status);
            }
        }
        Arrays.sort(own);
        Arrays.sort(total);
        System.out.println("WARM " + percentile(own, 50) + " " + percentile(own, 99) + " " + percentile(total, 50)
                + " " + percentile(total, 99) + " " + (double) calls / n);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }
}

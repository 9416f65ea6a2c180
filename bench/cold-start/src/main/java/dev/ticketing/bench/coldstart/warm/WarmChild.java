package dev.ticketing.bench.coldstart.warm;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs in one JVM: constructs a function's handler as Lambda does and invokes its stream entry point N times with
 * the bytes of one proxy event, as the runtime passes them, then prints one {@code WARM} line of p50/p99
 * nanoseconds: the handler's own time (total minus time inside DynamoDB calls), the total, and DynamoDB calls per
 * invocation. Usage: {@code WarmChild <handler class> <event JSON file> <N>}.
 */
public final class WarmChild {

    private static final String OK = "\"statusCode\":200";

    private WarmChild() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        long[] own = new long[n];
        long[] total = new long[n];
        long calls = 0;
        ByteArrayOutputStream response = new ByteArrayOutputStream(64 * 1024);
        for (int i = 0; i < n; i++) {
            response.reset();
            DynamoDbTimer.reset();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), response, null);
            total[i] = System.nanoTime() - start;
            own[i] = total[i] - DynamoDbTimer.nanos();
            calls += DynamoDbTimer.calls();
            String answer = response.toString(StandardCharsets.UTF_8);
            if (!answer.contains(OK)) {
                throw new IllegalStateException("invocation " + i + " answered " + answer);
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

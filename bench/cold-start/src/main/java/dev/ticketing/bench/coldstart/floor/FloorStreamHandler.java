package dev.ticketing.bench.coldstart.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor as a stream handler: reads nothing and answers a constant proxy response, so Lambda's runtime loads
 * neither its event serializer nor Joda-Time. Its cold start is the JVM's and the runtime client's alone.
 */
public final class FloorStreamHandler implements RequestStreamHandler {

    private static final byte[] ANSWER = "{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(ANSWER);
    }
}

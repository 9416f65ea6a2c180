package dev.ticketing.bench.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP front for the engine for the warm series: the first request with a given operation and body goes to moto,
 * repeats get that answer back from memory. The warm series only reads, so answers cannot change; moto takes tens of
 * milliseconds per read here (hundreds for a 50-item Query), which would make 10,000 invocations take hours. Time
 * inside DynamoDB calls is subtracted either way; this only shortens the run.
 */
final class ReplayProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "X-Amz-Target", "Authorization",
            "X-Amz-Date", "X-Amz-Security-Token");
    private static final List<String> RETURNED = List.of("Content-Type", "x-amz-crc32", "x-amzn-RequestId");

    private final URI engine;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    ReplayProxy(URI engine) {
        this.engine = engine;
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("X-Amz-Target") + "\n"
                + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        Answer answer = answers.get(key);
        if (answer == null) {
            answer = forward(exchange, body);
            if (answer.status() == 200) {
                answers.put(key, answer);
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private Answer forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) engine.resolve("/").toURL().openConnection();
        connection.setRequestMethod(exchange.getRequestMethod());
        for (String name : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                connection.setRequestProperty(name, value);
            }
        }
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : RETURNED) {
            String value = connection.getHeaderField(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, headers, in == null ? new byte[0] : in.readAllBytes());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

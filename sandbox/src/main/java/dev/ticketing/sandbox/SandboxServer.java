package dev.ticketing.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ticketing.error.ErrorCode;
import dev.ticketing.error.TicketingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves a {@link Gateway} over HTTP on the loopback interface, with a fixed pool of request threads. */
public final class SandboxServer implements AutoCloseable {

    static final int THREADS = 16;
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final int STOP_GRACE_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;

    private SandboxServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1:{@code port}; port 0 picks a free one. */
    public static SandboxServer start(Gateway gateway, int port) {
        return start(gateway, List.of(), port);
    }

    /** Also serves {@code locals} (the docs pages, the automation's run endpoint), ahead of the API's routes. */
    static SandboxServer start(Gateway gateway, List<LocalEndpoint> locals, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + " (set PORT to use another)", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(gateway, locals, exchange));
        server.start();
        return new SandboxServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:PORT}, the base URL clients use. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    private static void serve(Gateway gateway, List<LocalEndpoint> locals, HttpExchange exchange)
            throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            OutgoingResponse response;
            if (body == null) {
                response = Gateway.error(new TicketingException(ErrorCode.PayloadTooLarge,
                        "The request body exceeds " + MAX_BODY_BYTES + " bytes."));
            } else {
                try {
                    IncomingRequest request = request(exchange, body);
                    response = locals.stream().map(local -> local.handle(request)).flatMap(Optional::stream)
                            .findFirst().orElseGet(() -> gateway.handle(request));
                } catch (RuntimeException e) {
                    // Without an answer the JDK server just drops the connection, which tells the client nothing.
                    SandboxLog.error("sandbox failed", e);
                    response = Gateway.error(new TicketingException(ErrorCode.InternalError,
                            "The sandbox itself failed; see its log."));
                }
            }
            send(exchange, response);
        }
    }

    private static IncomingRequest request(HttpExchange exchange, byte[] body) {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(conventionalName(name), values));
        return new IncomingRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(),
                uri.getRawQuery(), headers, body, exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    private static void send(HttpExchange exchange, OutgoingResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        boolean empty = response.body().length == 0;
        // -1 tells the server there is no body at all, as a 204 requires.
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /**
     * The JDK server lower-cases header names after the first letter ("Content-type"); API Gateway passes them as
     * the client sent them, which for most clients is "Content-Type".
     */
    static String conventionalName(String name) {
        StringBuilder conventional = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            conventional.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return conventional.toString();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

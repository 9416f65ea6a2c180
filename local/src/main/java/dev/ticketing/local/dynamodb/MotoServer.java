package dev.ticketing.local.dynamodb;

import dev.ticketing.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code moto_server} process from the project's {@code .venv}: an in-memory DynamoDB engine on 127.0.0.1, stopped
 * by {@link #close()} or, failing that, when the JVM exits.
 */
public final class MotoServer implements AutoCloseable {

    static final Path VENV_BINARY = Path.of(".venv", "bin", "moto_server");
    static final String HOST = "127.0.0.1";

    // Importing moto takes a few seconds on a cold machine; a minute means something is wrong.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // A free port can be taken by another process between choosing it and moto binding it.
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final int LOG_LINES_IN_ERRORS = 30;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "moto-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts moto on a free port. */
    public static MotoServer start() {
        return start(0);
    }

    /** Starts moto on {@code port}, or on a free port when {@code port} is 0. */
    public static MotoServer start(int port) {
        return start(locateBinary(), port);
    }

    static MotoServer start(Path binary, int port) {
        if (port != 0) {
            return startOnPort(binary, port);
        }
        ExitedEarly lastFailure = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return startOnPort(binary, freePort());
            } catch (ExitedEarly e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** {@code $MOTO_SERVER}, else the nearest {@code .venv/bin/moto_server} above the working directory. */
    public static Path locateBinary() {
        return locateBinary(Settings.motoServer().orElse(null), ProjectFiles.workingDirectory());
    }

    static Path locateBinary(String override, Path start) {
        if (override != null) {
            Path binary = Path.of(override).toAbsolutePath();
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(Settings.MOTO_SERVER + "=" + override
                        + " is not an executable file. Unset it to use the project's .venv (make venv).");
            }
            return binary;
        }
        return ProjectFiles.findUpwards(start, VENV_BINARY)
                .filter(Files::isExecutable)
                .orElseThrow(() -> new IllegalStateException("moto_server not found: no executable " + VENV_BINARY
                        + " in " + start + " or any parent directory. Run `make venv` (or `make test`) at the"
                        + " project root to install it, or set " + Settings.MOTO_SERVER
                        + " to a moto_server executable."));
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Where moto's own output goes; deleted when the server stops. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or about to run and does the same work.
        }
        stop();
    }

    private static MotoServer startOnPort(Path binary, int port) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-server-" + port + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-H", HOST, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    // A pipe nobody reads would fill up and stall moto, so its request log goes to a file.
                    .redirectOutput(log.toFile());
            // Without this the log holds nothing useful when start-up fails.
            builder.environment().put("PYTHONUNBUFFERED", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        URI endpoint = URI.create("http://" + HOST + ":" + port);
        MotoServer server = new MotoServer(process, endpoint, log);
        try {
            server.awaitHttp();
            return server;
        } catch (RuntimeException e) {
            boolean exited = !process.isAlive();
            String message = e.getMessage() + "\n--- moto_server output ---\n" + server.logTail();
            server.close();
            throw exited ? new ExitedEarly(message, e) : new IllegalStateException(message, e);
        }
    }

    private void awaitHttp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with status " + process.exitValue()
                        + " before answering on " + endpoint);
            }
            if (answersHttp()) {
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server on " + endpoint, e);
            }
        }
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT);
    }

    private boolean answersHttp() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout((int) POLL_INTERVAL.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            try {
                // Any status will do: it proves the server is accepting requests.
                connection.getResponseCode();
                return true;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        // Children must be listed before the parent dies, or they are re-parented and lost from view.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A leftover temporary log file is harmless.
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    /** moto stopped before it answered, typically because its port was taken meanwhile. */
    private static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

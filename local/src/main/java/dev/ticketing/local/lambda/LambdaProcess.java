package dev.ticketing.local.lambda;

import dev.ticketing.local.template.TemplateFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda execution environment: the Runtime Interface Emulator on its own ports, running {@code java} with the
 * runtime interface client as the managed runtime starts it, in the function's task root. Like an execution
 * environment it serves one invocation at a time; callers that need more start more processes.
 */
public final class LambdaProcess implements AutoCloseable {

    private static final Pattern INIT_REPORT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern INVOKE_DONE = Pattern.compile("INVOKE RTDONE\\(.*duration: ([0-9.]+)ms\\)");
    private static final Pattern TIMED_OUT = Pattern.compile("^Task timed out after");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String INVOKE_PATH = "/2015-03-31/functions/function/invocations";

    private final String functionName;
    private final Process process;
    private final URI invokeUri;
    private final Duration timeout;
    private final HttpClient http;
    private final Object reports = new Object();
    private double lastInitMs = Double.NaN;
    private double lastInvokeMs = Double.NaN;
    private int invokesDone;

    private LambdaProcess(String functionName, Process process, URI invokeUri, Duration timeout) {
        this.functionName = functionName;
        this.process = process;
        this.invokeUri = invokeUri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Starts an execution environment for {@code function} with its code in {@code taskRoot} (a directory holding
     * {@code lib/*.jar}, as {@code sam build} lays it out) and {@code environment} as the function's whole environment
     * (see {@link LambdaEnvironment}). Every line the emulator, the runtime and the function print goes to {@code log},
     * with the function's name.
     */
    public static LambdaProcess start(LambdaRuntime runtime, TemplateFunction function, Path taskRoot,
                                      Map<String, String> environment, List<String> extraJvmOptions,
                                      BiConsumer<String, String> log) {
        int invokePort = freePort();
        int runtimeApiPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(runtime.emulator().toString());
        command.add("--runtime-interface-emulator-address");
        command.add("127.0.0.1:" + invokePort);
        command.add("--runtime-api-address");
        command.add("127.0.0.1:" + runtimeApiPort);
        List<String> java = new ArrayList<>(runtime.javaCommand(function.memorySizeMb(), function.handler()));
        java.addAll(1, extraJvmOptions);
        command.addAll(java);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + runtime.emulator(), e);
        }
        LambdaProcess started = new LambdaProcess(function.logicalId(), process,
                URI.create("http://127.0.0.1:" + invokePort + INVOKE_PATH),
                Duration.ofSeconds(function.timeoutSeconds()));
        Thread reader = new Thread(() -> started.readOutput(log), "lambda-" + function.logicalId() + "-output");
        reader.setDaemon(true);
        reader.start();
        started.awaitEmulator(invokePort);
        return started;
    }

    /**
     * The init duration in milliseconds, as the emulator printed it, when {@code line} is its
     * {@code INIT REPORT(durationMs: ...)} line.
     */
    public static Optional<String> initDurationMs(String line) {
        Matcher init = INIT_REPORT.matcher(line);
        return init.find() ? Optional.of(init.group(1)) : Optional.empty();
    }

    public String functionName() {
        return functionName;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Invokes the function once and waits for its answer; the first invocation also runs the runtime's init, as on
     * Lambda. Not for concurrent use: the emulator, like an execution environment, refuses a second invocation
     * while one runs.
     */
    public synchronized Invocation invoke(byte[] event, String requestId) {
        int before;
        synchronized (reports) {
            before = invokesDone;
            lastInitMs = Double.NaN;
        }
        HttpRequest request = HttpRequest.newBuilder(invokeUri)
                .header("X-Amzn-RequestId", requestId)
                // The emulator enforces the function's Timeout itself; this only bounds a stuck emulator.
                .timeout(timeout.plusSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Invocation of " + functionName + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking " + functionName, e);
        }
        byte[] payload = response.body();
        boolean timedOut = TIMED_OUT.matcher(new String(payload, 0, Math.min(payload.length, 40),
                StandardCharsets.UTF_8)).find();
        if (response.statusCode() != 200 && !timedOut) {
            // 502 with Lambda's error document: the runtime could not init (e.g. the handler class is missing).
            return new Invocation(payload, OptionalDouble.empty(), OptionalDouble.empty(), false);
        }
        // The emulator prints its REPORT lines after it has answered; wait briefly for them to be read.
        synchronized (reports) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (invokesDone == before && System.nanoTime() < deadline) {
                try {
                    reports.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return new Invocation(payload, Double.isNaN(lastInitMs) ? OptionalDouble.empty()
                    : OptionalDouble.of(lastInitMs), invokesDone == before ? OptionalDouble.empty()
                    : OptionalDouble.of(lastInvokeMs), timedOut);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readOutput(BiConsumer<String, String> log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Optional<String> init = initDurationMs(line);
                Matcher done = INVOKE_DONE.matcher(line);
                synchronized (reports) {
                    if (init.isPresent()) {
                        lastInitMs = Double.parseDouble(init.get());
                    } else if (done.find()) {
                        lastInvokeMs = Double.parseDouble(done.group(1));
                    } else if (line.startsWith("REPORT RequestId:")) {
                        invokesDone++;
                        reports.notifyAll();
                    }
                }
                log.accept(functionName, line);
            }
        } catch (IOException e) {
            // The process ended; close() or the caller's next invocation reports it.
        }
    }

    private void awaitEmulator(int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The emulator for " + functionName + " exited with "
                        + process.exitValue() + " before it was ready; see its output above");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while starting " + functionName, e);
                }
            }
        }
        close();
        throw new IllegalStateException("The emulator for " + functionName + " did not listen on port " + port
                + " within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

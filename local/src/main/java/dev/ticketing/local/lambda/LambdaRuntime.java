package dev.ticketing.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Lambda's managed {@code java21} runtime brings that a function jar must not: the runtime interface client
 * with its serializer (copied by this module's build into {@code local/target/lambda-runtime}), and, standing in for
 * Lambda's service, the Runtime Interface Emulator ({@code aws-lambda-rie}, built from its Go module by
 * {@code make rie} into {@code .tools/bin}).
 */
public final class LambdaRuntime {

    /** Overrides where the emulator binary is. */
    public static final String EMULATOR_ENV = "AWS_LAMBDA_RIE";
    static final String EMULATOR_MODULE = "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie";
    static final String EMULATOR_VERSION = "v0.0.0-20261030222936-bef5c4ba774d";
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Path projectRoot;
    private final Path emulator;
    private final List<Path> runtimeJars;
    private final Path nativeClient;

    private LambdaRuntime(Path projectRoot, Path emulator, List<Path> runtimeJars, Path nativeClient) {
        this.projectRoot = projectRoot;
        this.emulator = emulator;
        this.runtimeJars = runtimeJars;
        this.nativeClient = nativeClient;
    }

    /**
     * The runtime of the project whose template is {@code template}. Fails with what to run when the emulator or
     * the runtime jars are missing: a harness that silently did less would prove nothing.
     */
    public static LambdaRuntime locate(Path template) {
        Path root = template.toAbsolutePath().getParent();
        String override = System.getenv(EMULATOR_ENV);
        Path emulator = override != null && !override.isBlank() ? Path.of(override)
                : root.resolve(".tools/bin/aws-lambda-rie");
        if (!Files.isExecutable(emulator)) {
            throw new IllegalStateException("No Lambda Runtime Interface Emulator at " + emulator + ". Build it with"
                    + " `make rie` (needs Go: GOBIN=" + emulator.getParent() + " GOFLAGS=-mod=mod go install "
                    + EMULATOR_MODULE + "@" + EMULATOR_VERSION + ") or set " + EMULATOR_ENV + ".");
        }
        Path jars = root.resolve("local/target/lambda-runtime");
        List<Path> runtimeJars = new ArrayList<>();
        if (Files.isDirectory(jars)) {
            try (Stream<Path> files = Files.list(jars)) {
                files.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(runtimeJars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (runtimeJars.stream().noneMatch(jar -> jar.getFileName().toString()
                .startsWith("aws-lambda-java-runtime-interface-client"))) {
            throw new IllegalStateException("No Lambda runtime interface client in " + jars
                    + "; build the local module first (mvn -pl local package).");
        }
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        Path nativeClient = jars.resolve("jni/libaws-lambda-jni.linux-" + arch + ".so");
        if (!Files.isRegularFile(nativeClient)) {
            throw new IllegalStateException("No " + nativeClient + "; build the local module first.");
        }
        return new LambdaRuntime(root, emulator, List.copyOf(runtimeJars), nativeClient);
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path emulator() {
        return emulator;
    }

    /** The strict-limits layer ({@code DynamoDbLimits}) as a jar of its own (this module's build makes it). */
    public Path dynamoDbLimitsJar() {
        Path target = projectRoot.resolve("local/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-dynamodb-limits.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-dynamodb-limits.jar in " + target
                            + "; package the local module first (mvn -pl local package)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars Lambda puts on the JVM's class path before the function's own (which it loads from lib/). */
    public List<Path> runtimeJars() {
        return runtimeJars;
    }

    /**
     * The {@code java} command line of the managed runtime for a function of {@code memorySizeMb} (its bootstrap,
     * as published by AWS and read back from running functions): serial GC, C1 only, a heap of 85% of the memory
     * setting, CRaC compatibility for SnapStart, the runtime client's native library from a file, the runtime client
     * as main class and the handler string as argument.
     * The JVM here is the machine's (17 or later) where Lambda runs Corretto 21, and there is no CDS archive of the
     * runtime's classes ({@code -Xshare:auto} falls back to the JDK's default archive).
     */
    public List<String> javaCommand(int memorySizeMb, String handler) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + (memorySizeMb * 1024L * 85 / 100) + "k");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        command.add("-XX:+ErrorFileToStderr");
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient);
        command.add("-classpath");
        command.add(String.join(File.pathSeparator, runtimeJars.stream().map(Path::toString).toList()));
        command.add(MAIN_CLASS);
        command.add(handler);
        return command;
    }
}

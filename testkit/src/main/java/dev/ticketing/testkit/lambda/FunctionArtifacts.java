package dev.ticketing.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a function's deployment code is, laid out as Lambda unpacks it: a task root holding {@code lib/*.jar}. Either
 * what {@code sam build} produced ({@code .aws-sam/build/<LogicalId>}), or the same jar straight from the Maven
 * build ({@code <CodeUri>/target/*-lambda.jar}, which the Makefile's {@code build-<LogicalId>} target copies there).
 */
public final class FunctionArtifacts {

    private FunctionArtifacts() {
    }

    /**
     * A task root under {@code target/lambda-tasks} with the function's shaded jar from the Maven build. Staged again
     * only when the jar changed, so that processes already running from it keep a stable file.
     */
    public static synchronized Path fromMavenBuild(Path projectRoot, TemplateFunction function) {
        Path jar = shadedJar(function);
        Path lib = projectRoot.resolve("target/lambda-tasks").resolve(function.logicalId()).resolve("lib");
        Path staged = lib.resolve(jar.getFileName());
        try {
            if (Files.isRegularFile(staged) && Files.size(staged) == Files.size(jar)
                    && Files.getLastModifiedTime(staged).equals(Files.getLastModifiedTime(jar))) {
                return lib.getParent();
            }
            Files.createDirectories(lib);
            try (Stream<Path> stale = Files.list(lib)) {
                for (Path old : stale.toList()) {
                    Files.delete(old);
                }
            }
            Files.copy(jar, staged, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage " + jar + " for " + function.logicalId(), e);
        }
        return lib.getParent();
    }

    /** {@code .aws-sam/build/<LogicalId>}, as {@code sam build} left it. */
    public static Path fromSamBuild(Path projectRoot, TemplateFunction function) {
        Path root = projectRoot.resolve(".aws-sam/build").resolve(function.logicalId());
        if (!Files.isDirectory(root.resolve("lib"))) {
            throw new IllegalStateException("No " + root + "/lib: run `make sam-build` first");
        }
        return root;
    }

    /** The function module's deployment jar: {@code <CodeUri>/target/*-lambda.jar}. */
    public static Path shadedJar(TemplateFunction function) {
        Path target = function.codeUri().resolve("target");
        List<Path> jars = List.of();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jars = files.filter(file -> file.getFileName().toString().endsWith("-lambda.jar")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected one *-lambda.jar in " + target + " for " + function.logicalId()
                    + ", found " + jars + "; package the function first (mvn -DskipTests package)");
        }
        return jars.get(0);
    }
}

package dev.ticketing.local.lambda;

import dev.ticketing.local.template.TemplateFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
     * A task root under {@code target/lambda-tasks/<variant>} with the function's shaded jar from the Maven build and
     * {@code extraJars} beside it. Staged again only when a jar changed, so that processes already running from it
     * keep stable files.
     */
    public static synchronized Path fromMavenBuild(Path projectRoot, TemplateFunction function, String variant,
                                                   List<Path> extraJars) {
        List<Path> jars = new ArrayList<>();
        jars.add(shadedJar(function));
        jars.addAll(extraJars);
        Path lib = projectRoot.resolve("target/lambda-tasks").resolve(variant).resolve(function.logicalId())
                .resolve("lib");
        try {
            if (stagedAlready(lib, jars)) {
                return lib.getParent();
            }
            Files.createDirectories(lib);
            try (Stream<Path> stale = Files.list(lib)) {
                for (Path old : stale.toList()) {
                    Files.delete(old);
                }
            }
            for (Path jar : jars) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage " + jars + " for " + function.logicalId(), e);
        }
        return lib.getParent();
    }

    private static boolean stagedAlready(Path lib, List<Path> jars) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lib)) {
            if (files.count() != jars.size()) {
                return false;
            }
        }
        for (Path jar : jars) {
            Path staged = lib.resolve(jar.getFileName());
            if (!Files.isRegularFile(staged) || Files.size(staged) != Files.size(jar)
                    || !Files.getLastModifiedTime(staged).equals(Files.getLastModifiedTime(jar))) {
                return false;
            }
        }
        return true;
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

package dev.ticketing.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds project files (the template, the project's Python venv) from wherever a module's build runs. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The first {@code relative} that exists in {@code start} or one of its parents. */
    public static Optional<Path> findUpwards(Path start, Path relative) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The directory builds run in: Maven sets it to the module being built. */
    public static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}

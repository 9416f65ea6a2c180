package dev.ticketing.bench.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipFile;

/**
 * Copies a function's jar before measuring it, so a reactor build running meanwhile cannot swap or truncate it
 * under a child JVM. A copy taken mid-write does not open as a zip, and is taken again.
 */
final class JarSnapshot {

    private static final int ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 3_000;

    private JarSnapshot() {
    }

    static Path of(Path jar, Path dir) {
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(jar.getFileName());
            for (int attempt = 1; ; attempt++) {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                try (ZipFile zip = new ZipFile(copy.toFile())) {
                    return copy;
                } catch (IOException incomplete) {
                    if (attempt == ATTEMPTS) {
                        throw incomplete;
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

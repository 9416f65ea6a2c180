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
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                if (opens(copy)) {
                    return copy;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
            throw new IllegalStateException(jar + " did not open as a jar in " + ATTEMPTS + " copies");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean opens(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.size() > 0;
        } catch (IOException incomplete) {
            return false;
        }
    }
}

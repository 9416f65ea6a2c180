package dev.ticketing.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

    @TempDir
    Path projectRoot;

    @Test
    void missingBinaryTellsYouToRunMakeVenv() {
        assertThatThrownBy(() -> MotoServer.locateBinary(null, projectRoot.resolve("some-module")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("make venv")
                .hasMessageContaining("make test")
                .hasMessageContaining("MOTO_SERVER");
    }

    @Test
    void findsTheProjectVenvAboveTheModuleDirectory() throws IOException {
        Path binary = executable(projectRoot.resolve(MotoServer.VENV_BINARY));
        Path module = Files.createDirectories(projectRoot.resolve("functions/create-ticket"));

        assertThat(MotoServer.locateBinary(null, module)).isEqualTo(binary);
    }

    @Test
    void overrideMustBeAnExecutable() throws IOException {
        Path notExecutable = Files.createFile(projectRoot.resolve("moto_server"));

        assertThatThrownBy(() -> MotoServer.locateBinary(notExecutable.toString(), projectRoot))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOTO_SERVER=" + notExecutable);
    }

    @Test
    void overrideWinsOverTheProjectVenv() throws IOException {
        executable(projectRoot.resolve(MotoServer.VENV_BINARY));
        Path elsewhere = executable(projectRoot.resolve("elsewhere/moto_server"));

        assertThat(MotoServer.locateBinary(elsewhere.toString(), projectRoot)).isEqualTo(elsewhere);
    }

    private static Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.createFile(path,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}

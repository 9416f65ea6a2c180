package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.template.SamTemplate;
import dev.ticketing.local.template.TemplateFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is the list of functions; the build lists them again where Maven and make need them. This keeps those
 * lists equal to the template's, so a function cannot be added or removed in one place only.
 */
class FunctionModulesTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final Path ROOT = TEMPLATE.file().getParent();

    /** Logical id to module directory name, from each function's CodeUri. */
    private static Map<String, String> templateModules() {
        return TEMPLATE.functions().stream().collect(Collectors.toMap(TemplateFunction::logicalId,
                function -> ROOT.relativize(function.codeUri()).toString(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void functionsPom_listsExactlyTheTemplatesFunctionModules() throws IOException {
        TreeSet<String> modules = matches(Files.readString(ROOT.resolve("functions/pom.xml")),
                "<module>([^<]+)</module>").stream().map(module -> "functions/" + module)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(modules).isEqualTo(new TreeSet<>(templateModules().values()));
    }

    @Test
    void makefile_mapsEveryLogicalIdToItsModule_forSamBuild() throws IOException {
        Map<String, String> makefile = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^MODULE_(\\w+) = (\\S+)$").matcher(Files.readString(ROOT.resolve(
                "Makefile")));
        while (line.find()) {
            makefile.put(line.group(1), "functions/" + line.group(2));
        }

        assertThat(makefile).isEqualTo(templateModules());
    }

    @Test
    void sandboxPom_dependsOnEveryFunctionModule_forTheInProcessRuntime() throws IOException {
        String pom = Files.readString(ROOT.resolve("sandbox/pom.xml"));
        TreeSet<String> expected = templateModules().values().stream()
                .map(module -> Path.of(module).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(matches(pom, "<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project.version}</version>\\s*"
                + "<scope>runtime</scope>")).isEqualTo(expected);
    }

    private static TreeSet<String> matches(String text, String regex) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}

package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The sandbox and the benchmarks run from their runtime class path, so no test library may be on it: JUnit and
 * Testcontainers come only with ticketing-testkit, which every module takes in test scope. This follows the poms:
 * a module's compile and runtime dependencies, those its parent poms declare, and, through the project's own
 * modules, theirs, with scopes from dependencyManagement. Third-party libraries' own dependencies are not followed.
 */
class RuntimeDependenciesTest {

    private static final Path ROOT = SamTemplate.locate().getParent();
    private static final List<String> RUNTIME_MODULES = List.of("sandbox", "bench", "bench/cold-start");
    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
    private static final String PROJECT_GROUP = "dev.ticketing";

    @Test
    void sandboxAndBenchmarks_haveNeitherJUnitNorTestcontainersNorTheTestkit_onTheirRuntimeClassPath() {
        for (String module : RUNTIME_MODULES) {
            assertThat(reachable(module, RUNTIME_SCOPES)).as("runtime dependencies of %s", module)
                    .contains(PROJECT_GROUP + ":ticketing-local")
                    .noneMatch(RuntimeDependenciesTest::isTestLibrary);
        }
    }

    @Test
    void theWalk_findsTheTestLibraries_whereTheyAre_inTheSandboxsTestScope() {
        assertThat(reachable("sandbox", Set.of("compile", "runtime", "test")))
                .contains(PROJECT_GROUP + ":ticketing-testkit", "org.junit.jupiter:junit-jupiter-api",
                        "org.testcontainers:testcontainers");
    }

    private static boolean isTestLibrary(String dependency) {
        return dependency.startsWith("org.junit") || dependency.startsWith("junit:")
                || dependency.startsWith("org.testcontainers")
                || dependency.equals(PROJECT_GROUP + ":ticketing-testkit");
    }

    /**
     * groupId:artifactId of every dependency {@code module} declares in {@code scopes}, and of the compile and runtime
     * dependencies of the project's modules among them, as Maven would put them on that class path.
     */
    private static Set<String> reachable(String module, Set<String> scopes) {
        Map<String, Path> modules = projectModules();
        Set<String> found = new TreeSet<>();
        Set<Path> walked = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(ROOT.resolve(module)));
        boolean first = true;
        while (!pending.isEmpty()) {
            Path directory = pending.pop();
            if (!walked.add(directory)) {
                continue;
            }
            for (Dependency dependency : dependencies(directory)) {
                if (!(first ? scopes : RUNTIME_SCOPES).contains(dependency.scope())) {
                    continue;
                }
                found.add(dependency.key());
                Path projectModule = modules.get(dependency.key());
                if (projectModule != null) {
                    pending.push(projectModule);
                }
            }
            first = false;
        }
        return found;
    }

    /** What the module's pom and its parents in the project declare, each with its effective scope. */
    private static List<Dependency> dependencies(Path moduleDirectory) {
        List<Element> poms = new ArrayList<>();
        for (Path pom = moduleDirectory.resolve("pom.xml"); pom != null; pom = parentPom(pom)) {
            poms.add(read(pom));
        }
        // The nearest declaration wins, so the root's come first and the module's own last.
        Map<String, String> managedScopes = new HashMap<>();
        for (Element pom : reversed(poms)) {
            for (Element managed : children(child(child(pom, "dependencyManagement"), "dependencies"), "dependency")) {
                String scope = text(managed, "scope");
                if (scope != null) {
                    managedScopes.put(key(managed) + ":" + type(managed), scope);
                }
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Element pom : poms) {
            for (Element declared : children(child(pom, "dependencies"), "dependency")) {
                String scope = text(declared, "scope");
                if (scope == null) {
                    scope = managedScopes.getOrDefault(key(declared) + ":" + type(declared), "compile");
                }
                dependencies.add(new Dependency(key(declared), scope));
            }
        }
        return dependencies;
    }

    /** groupId:artifactId of every module the root pom lists, directly or through an aggregator, to its directory. */
    private static Map<String, Path> projectModules() {
        Map<String, Path> modules = new HashMap<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(ROOT));
        while (!pending.isEmpty()) {
            Path directory = pending.pop();
            Element pom = read(directory.resolve("pom.xml"));
            String group = text(pom, "groupId") != null ? text(pom, "groupId") : text(child(pom, "parent"), "groupId");
            modules.put(group + ":" + text(pom, "artifactId"), directory);
            for (Element module : children(child(pom, "modules"), "module")) {
                pending.push(directory.resolve(module.getTextContent().strip()).normalize());
            }
        }
        return modules;
    }

    /** The parent pom when it is one of the project's files (relativePath, by default ../pom.xml), else null. */
    private static Path parentPom(Path pom) {
        Element parent = child(read(pom), "parent");
        if (parent == null) {
            return null;
        }
        String relativePath = text(parent, "relativePath");
        Path candidate = pom.getParent().resolve(relativePath == null ? "../pom.xml" : relativePath).normalize();
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("pom.xml");
        }
        return Files.isRegularFile(candidate) && candidate.startsWith(ROOT)
                && text(parent, "artifactId").equals(text(read(candidate), "artifactId")) ? candidate : null;
    }

    private static List<Element> reversed(List<Element> list) {
        List<Element> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static String key(Element dependency) {
        return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
    }

    private static String type(Element dependency) {
        String type = text(dependency, "type");
        return type == null ? "jar" : type;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    /** Direct children only: a plugin's {@code <dependencies>} is not the module's. */
    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        if (parent == null) {
            return children;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    private record Dependency(String key, String scope) {
    }
}

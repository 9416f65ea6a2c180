package dev.ticketing.sandbox;

/**
 * {@code make sandbox}: serves the API of template.yaml on http://localhost:PORT against an in-memory moto, with a
 * demo instance, until Ctrl-C. Settings come from environment variables (see {@link Options#fromEnvironment}).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) {
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(Options.fromEnvironment(System.getenv()));
        } catch (RuntimeException e) {
            System.err.println("The sandbox did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGINT and SIGTERM run shutdown hooks; the HTTP server's own thread keeps the JVM alive until then.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            System.out.println("Sandbox stopped.");
        }, "sandbox-shutdown"));
        System.out.println(Banner.text(sandbox));
    }
}

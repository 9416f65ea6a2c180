package dev.ticketing.bench.coldstart.primed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stands in for SnapStart's init under the emulator: constructs the function's handler (named by
 * {@code BENCH_PRIMED_HANDLER}) as the runtime does, then runs the runtime's own CRaC {@code beforeCheckpoint}, the
 * call the runtime client makes once init is done when {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}. There it
 * next asks the Runtime API for {@code /runtime/restore/next}, which the emulator either lacks (404, the runtime
 * exits) or never answers; so the hooks run here instead, inside init, and invocations go to the function's handler.
 * Reflection, because those classes are the runtime's (on the system class path), not the function's.
 */
public final class PrimedHandler implements RequestStreamHandler {

    /** Lambda's CRaC implementation in the runtime client, where org.crac registers resources on Lambda. */
    private static final String RUNTIME_CRAC_CORE = "com.amazonaws.services.lambda.crac.Core";
    private static final String RUNTIME_CRAC_CONTEXT = "com.amazonaws.services.lambda.crac.Context";

    private final RequestStreamHandler handler;

    public PrimedHandler() throws Exception {
        // Loaded by name, as the runtime loads a handler string, from the function's own jar in lib/.
        handler = (RequestStreamHandler) Class.forName(System.getenv("BENCH_PRIMED_HANDLER"))
                .getDeclaredConstructor().newInstance();
        Object globalContext = Class.forName(RUNTIME_CRAC_CORE).getMethod("getGlobalContext").invoke(null);
        Class<?> contextType = Class.forName(RUNTIME_CRAC_CONTEXT);
        globalContext.getClass().getMethod("beforeCheckpoint", contextType).invoke(globalContext, (Object) null);
        // On Lambda the restore runs here; the hooks after it (a no-op for ours) are counted in init too.
        globalContext.getClass().getMethod("afterRestore", contextType).invoke(globalContext, (Object) null);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }
}

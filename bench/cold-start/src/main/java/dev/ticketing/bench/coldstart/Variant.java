package dev.ticketing.bench.coldstart;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One handler measured cold under the Lambda runtime harness.
 *
 * @param id             short name, also the task root's directory name
 * @param label          what the report calls it
 * @param templateId     the template function whose memory, timeout and environment it runs with
 * @param handler        the handler string the runtime is given
 * @param jars           the task root's lib/ contents: the deployment jar(s), nothing of the runtime's
 * @param event          the file of events/ it is invoked with
 * @param expectedStatus the status of a correct first answer
 * @param environment    variables added to the template function's environment
 */
record Variant(String id, String label, String templateId, String handler, List<Path> jars,
               String event, int expectedStatus, Map<String, String> environment) {

    Variant(String id, String label, String templateId, String handler, List<Path> jars, String event,
            int expectedStatus) {
        this(id, label, templateId, handler, jars, event, expectedStatus, Map.of());
    }
}

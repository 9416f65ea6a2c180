package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionLogTest {

    @Test
    void lambdasOwnLines_andTheFunctionsLogLines_arePrintedWithTheFunctionsName() {
        assertThat(FunctionLog.format("GetTicketFunction", "START RequestId: abc Version: $LATEST"))
                .isEqualTo("[GetTicketFunction] START RequestId: abc Version: $LATEST");
        assertThat(FunctionLog.format("GetTicketFunction", "{\"level\":\"INFO\",\"message\":\"request\"}"))
                .isEqualTo("[GetTicketFunction] {\"level\":\"INFO\",\"message\":\"request\"}");
    }

    @Test
    void theEmulatorsInitReport_becomesLambdasInitDurationLine_andItsOtherChatterIsLeftOut() {
        assertThat(FunctionLog.format("GetTicketFunction",
                "01 Dec 2026 13:02:26,839 [INFO] (rapid) INIT REPORT(durationMs: 605.565000)"))
                .isEqualTo("[GetTicketFunction] INIT_REPORT Init Duration: 605.565000 ms");
        assertThat(FunctionLog.format("GetTicketFunction",
                "01 Dec 2026 13:02:26,233 [INFO] (rapid) INIT START(type: on-demand, phase: init)")).isNull();
        assertThat(FunctionLog.format("GetTicketFunction", "   ")).isNull();
    }

    @Test
    void theEmulatorsReport_losesItsInitDuration_whichItMeasuresFromTheFirstRequestNotTheRuntimesStart() {
        assertThat(FunctionLog.format("GetTicketFunction", "REPORT RequestId: abc\tInit Duration: 0.03 ms\t"
                + "Duration: 815.96 ms\tBilled Duration: 816 ms\tMemory Size: 1024 MB\tMax Memory Used: 1024 MB\t"))
                .isEqualTo("[GetTicketFunction] REPORT RequestId: abc\tDuration: 815.96 ms\tBilled Duration: 816 ms"
                        + "\tMemory Size: 1024 MB\tMax Memory Used: 1024 MB\t");
    }
}

package dev.ticketing.sandbox;

/** What one invocation of a function gave back, as Lambda reports it to API Gateway. */
public sealed interface FunctionInvocation {

    /** The function's answer: the JSON it wrote. */
    record Success(byte[] payload) implements FunctionInvocation {
    }

    /** The function threw, timed out or could not start: Lambda's error type and message. */
    record Failure(String errorType, String errorMessage) implements FunctionInvocation {
    }
}

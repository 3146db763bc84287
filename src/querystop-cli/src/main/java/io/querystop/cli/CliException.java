package io.querystop.cli;

/** A failure the command line reports with an exit code and a one-line message, without a stack trace. */
final class CliException extends RuntimeException {

    static final int USAGE = 252;
    static final int SERVICE = 254;
    static final int OTHER = 255;

    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

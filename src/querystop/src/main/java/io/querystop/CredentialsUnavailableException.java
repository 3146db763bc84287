package io.querystop;

/**
 * The credentials provider could not supply credentials (none configured, an unreadable profile, an unreachable
 * metadata service...). The message and cause come from the provider and never carry a secret.
 */
public class CredentialsUnavailableException extends QuerystopException {

    public CredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

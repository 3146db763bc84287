package io.querystop.bulk;

import io.querystop.CredentialsUnavailableException;

/** The one place that tells an error of the client itself, which ends the whole run, from one input's failure. */
final class FatalErrors {

    private FatalErrors() {
    }

    /** The client is closed ({@link IllegalStateException}) or has no credentials: no other input would fare better. */
    static boolean isFatal(Throwable error) {
        return error instanceof IllegalStateException || error instanceof CredentialsUnavailableException;
    }
}

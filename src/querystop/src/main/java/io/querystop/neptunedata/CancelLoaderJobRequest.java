package io.querystop.neptunedata;

import io.querystop.internal.Validation;

/**
 * The bulk-loader job to cancel ({@code CancelLoaderJob}).
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming {@code loadId} when it breaks those rules.
 *
 * @param loadId the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer than
 *                {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 */
public record CancelLoaderJobRequest(String loadId) {

    public CancelLoaderJobRequest {
        Validation.pathId("loadId", loadId);
    }
}

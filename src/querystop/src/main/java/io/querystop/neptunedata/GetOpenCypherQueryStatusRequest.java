package io.querystop.neptunedata;

import io.querystop.internal.Validation;

/**
 * The openCypher query whose status to read ({@code GetOpenCypherQueryStatus}).
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming {@code queryId} when it breaks those rules.
 *
 * @param queryId the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer than
 *                {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 */
public record GetOpenCypherQueryStatusRequest(String queryId) {

    public GetOpenCypherQueryStatusRequest {
        Validation.pathId("queryId", queryId);
    }
}

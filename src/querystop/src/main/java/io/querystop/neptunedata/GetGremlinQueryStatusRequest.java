package io.querystop.neptunedata;

import io.querystop.internal.Validation;

/**
 * The Gremlin query whose status to read ({@code GetGremlinQueryStatus}).
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming {@code queryId} when it breaks those rules.
 *
 * @param queryId the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer than
 *                {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 */
public record GetGremlinQueryStatusRequest(String queryId) {

    public GetGremlinQueryStatusRequest {
        Validation.pathId("queryId", queryId);
    }
}

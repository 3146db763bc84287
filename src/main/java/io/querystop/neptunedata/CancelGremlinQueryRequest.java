package io.querystop.neptunedata;

import io.querystop.internal.Validation;

/**
 * The Gremlin query to cancel ({@code CancelGremlinQuery}).
 *
 * @param queryId the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer than
 *                {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 * @throws java.lang.IllegalArgumentException naming {@code queryId} when it breaks those rules
 */
public record CancelGremlinQueryRequest(String queryId) {

    public CancelGremlinQueryRequest {
        Validation.pathId("queryId", queryId);
    }
}

package io.querystop.neptunedata;

import io.querystop.internal.Validation;

/**
 * The openCypher query to cancel ({@code CancelOpenCypherQuery}).
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming {@code queryId} when it breaks those rules.
 *
 * @param queryId the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer than
 *                {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 * @param silent  {@code true}: the cancelled query's own caller gets an empty 200 result instead of an error;
 *                {@code null} leaves the parameter out and the service decides
 */
public record CancelOpenCypherQueryRequest(String queryId, Boolean silent) {

    public CancelOpenCypherQueryRequest {
        Validation.pathId("queryId", queryId);
    }

    public CancelOpenCypherQueryRequest(String queryId) {
        this(queryId, null);
    }
}

package io.querystop.neptunedata;

import io.querystop.InvalidInputException;
import io.querystop.internal.Validation;

/**
 * The loader job whose status to read ({@code GetLoaderJobStatus}). Members left {@code null} are left out of the
 * query string.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming the member that breaks these rules.
 *
 * @param loadId        the id; any characters are allowed (they are percent-encoded), but it must not be blank, longer
 *                      than {@value Validation#MAX_PATH_ID_LENGTH} characters, {@code .} or {@code ..}
 * @param details       whether to include details beyond the overall status
 * @param errors        whether to include the list of errors
 * @param page          the page of errors, 1 or more (with {@code errors})
 * @param errorsPerPage errors per page, 1 or more (with {@code errors})
 */
public record GetLoaderJobStatusRequest(String loadId, Boolean details, Boolean errors, Integer page,
                                        Integer errorsPerPage) {

    public GetLoaderJobStatusRequest {
        Validation.pathId("loadId", loadId);
        positive("page", page);
        positive("errorsPerPage", errorsPerPage);
    }

    /** The overall status only. */
    public GetLoaderJobStatusRequest(String loadId) {
        this(loadId, null, null, null, null);
    }

    private static void positive(String field, Integer value) {
        if (value != null && value < 1) {
            throw new InvalidInputException(field, "must be 1 or more, was " + value);
        }
    }
}

package io.querystop.internal.http;

import io.querystop.AwsServiceException;
import io.querystop.InvalidResponseException;
import io.querystop.internal.json.JsonMembers.MemberTypeException;
import java.io.IOException;

/**
 * The decoding stage: a read {@link Response} becomes the operation's result for a 2xx, else the service's typed
 * exception, thrown. Whatever goes wrong here is one of the library's typed exceptions.
 */
public final class ResponseDecoder {

    private final ErrorParser errorParser;
    private final ServiceErrors errors;
    private final String host;

    public ResponseDecoder(ServiceErrors errors, String host) {
        this.errorParser = new ErrorParser(errors);
        this.errors = errors;
        this.host = host;
    }

    /**
     * @throws InvalidResponseException when a 2xx body is not the JSON the operation answers
     * @throws AwsServiceException      for any other status
     */
    public <T> T decode(OperationRequest op, ResponseMapper<T> mapper, Response response) {
        if (response.isSuccess()) {
            try {
                return mapper.map(response.body().finish());
            } catch (IOException | MemberTypeException e) {
                throw new InvalidResponseException(op.operationName(), host, response.status(), e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new InvalidResponseException(op.operationName(), host, response.status(), e.toString(), e);
            }
        }
        throw errors.toException(errorParser.parse(op.operationName(), response.status(), response.headers(),
            response.body()));
    }
}

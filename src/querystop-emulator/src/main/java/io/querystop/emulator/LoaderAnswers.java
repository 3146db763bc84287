package io.querystop.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.emulator.ServiceAnswers.Answer;

/**
 * Neptune's loader answers on one instance: list, status, cancel. Loads run on the writer; a reader keeps none and
 * refuses cancellation with 405 whatever the id, as a read replica does.
 */
final class LoaderAnswers {

    static final String READ_REPLICA_MESSAGE = "Load cancellation is not permitted on a read replica instance";

    private final LoaderJobs jobs;
    private final boolean writer;

    LoaderAnswers(LoaderJobs jobs, boolean writer) {
        this.jobs = jobs;
        this.writer = writer;
    }

    Answer list(String rawQuery) {
        int limit;
        boolean includeQueued;
        try {
            QueryParameters parameters = QueryParameters.parse(rawQuery);
            limit = parameters.integer("limit", 100, 1, 100);
            includeQueued = parameters.flag("includeQueuedLoads", true);
        } catch (QueryParameters.Invalid e) {
            return ServiceAnswers.neptuneError(400, "InvalidParameterException", e.getMessage());
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("status", "200 OK");
        ArrayNode ids = body.putObject("payload").putArray("loadIds");
        jobs.ids(limit, includeQueued).forEach(ids::add);
        return ServiceAnswers.neptuneSuccess(body);
    }

    Answer status(String id, String rawQuery) {
        boolean details;
        boolean errors;
        int page;
        int errorsPerPage;
        try {
            QueryParameters parameters = QueryParameters.parse(rawQuery);
            details = parameters.flag("details", false);
            errors = parameters.flag("errors", false);
            page = parameters.integer("page", 1, 1, Integer.MAX_VALUE);
            errorsPerPage = parameters.integer("errorsPerPage", 10, 1, Integer.MAX_VALUE);
        } catch (QueryParameters.Invalid e) {
            return ServiceAnswers.neptuneError(400, "InvalidParameterException", e.getMessage());
        }
        ObjectNode payload = jobs.payload(id, details, errors, page, errorsPerPage);
        if (payload == null) {
            return ServiceAnswers.neptuneError(404, "BulkLoadIdNotFoundException",
                "The load with id " + id + " does not exist");
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("status", "200 OK");
        body.set("payload", payload);
        return ServiceAnswers.neptuneSuccess(body);
    }

    Answer cancel(String id) {
        if (!writer) {
            return ServiceAnswers.neptuneError(405, "MethodNotAllowedException", READ_REPLICA_MESSAGE);
        }
        return jobs.cancel(id)
            ? ServiceAnswers.neptuneSuccess(ServiceAnswers.JSON.createObjectNode().put("status", "200 OK"))
            : ServiceAnswers.loadNotFound(id);
    }
}

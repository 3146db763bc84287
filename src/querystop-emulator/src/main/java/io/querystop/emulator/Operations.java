package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.ServiceAnswers.Answer;

/** One instance's normal answer to each route, from its state: the services' behaviour, without faults. */
final class Operations {

    private final QueryAnswers queries;
    private final LoaderAnswers loader;
    private final EngineStatusAnswer engineStatus;
    private final CloudTrailAnswers cloudTrail;

    Operations(QueryTable queryTable, LoaderJobs loaderJobs, CloudTrailLake lake, EngineStatusAnswer engineStatus,
               boolean writer) {
        this.queries = new QueryAnswers(queryTable);
        this.loader = new LoaderAnswers(loaderJobs, writer);
        this.engineStatus = engineStatus;
        this.cloudTrail = new CloudTrailAnswers(lake);
    }

    Answer answer(Route route, String id, String rawQuery, JsonNode json, String path) {
        return switch (route) {
            case CANCEL_GREMLIN_QUERY -> queries.cancel(QueryLanguage.GREMLIN, id);
            case GET_GREMLIN_QUERY_STATUS -> queries.status(QueryLanguage.GREMLIN, id);
            case LIST_GREMLIN_QUERIES -> queries.list(QueryLanguage.GREMLIN, rawQuery);
            case CANCEL_OPEN_CYPHER_QUERY -> queries.cancel(QueryLanguage.OPEN_CYPHER, id);
            case GET_OPEN_CYPHER_QUERY_STATUS -> queries.status(QueryLanguage.OPEN_CYPHER, id);
            case LIST_OPEN_CYPHER_QUERIES -> queries.list(QueryLanguage.OPEN_CYPHER, rawQuery);
            case GET_ENGINE_STATUS -> engineStatus.answer();
            case CANCEL_LOADER_JOB -> loader.cancel(id);
            case GET_LOADER_JOB_STATUS -> loader.status(id, rawQuery);
            case LIST_LOADER_JOBS -> loader.list(rawQuery);
            case CLOUDTRAIL_CANCEL_QUERY -> cloudTrail.cancel(id, json);
            case CLOUDTRAIL_DESCRIBE_QUERY -> cloudTrail.describe(id, json);
            case CLOUDTRAIL_LIST_QUERIES -> cloudTrail.listQueries(json);
            case CLOUDTRAIL_LIST_EVENT_DATA_STORES -> cloudTrail.listEventDataStores(json);
            case UNKNOWN -> ServiceAnswers.neptuneError(400, "BadRequestException", "Unsupported request: "
                + (rawQuery == null ? path : path + "?" + rawQuery));
        };
    }
}

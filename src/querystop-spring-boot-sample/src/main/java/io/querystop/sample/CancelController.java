package io.querystop.sample;

import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.CancelLoaderJobResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class CancelController {

    private final NeptuneDataClient neptune;

    CancelController(NeptuneDataClient neptune) {
        this.neptune = neptune;
    }

    @DeleteMapping("/queries/{id}")
    Mono<CancelGremlinQueryResponse> cancelQuery(@PathVariable String id) {
        return neptune.cancelGremlinQuery(id);
    }

    @DeleteMapping("/loads/{id}")
    Mono<CancelLoaderJobResponse> cancelLoad(@PathVariable String id) {
        return neptune.cancelLoaderJob(id);
    }
}

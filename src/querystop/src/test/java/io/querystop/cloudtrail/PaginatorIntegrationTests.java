package io.querystop.cloudtrail;

import static io.querystop.cloudtrail.CloudTrailLakeOperationsIntegrationTests.QUERY_ID;
import static io.querystop.cloudtrail.CloudTrailLakeOperationsIntegrationTests.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.InvalidInputException;
import io.querystop.RetryPolicy;
import io.querystop.cloudtrail.errors.InvalidNextTokenException;
import io.querystop.testing.CannedServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The paginators follow {@code NextToken} to the last page, one call per page asked for: nothing is sent before
 * demand, a page is never fetched ahead, and each subscription starts again from the first page.
 */
class PaginatorIntegrationTests {

    private final CannedServer server = CannedServer.start();
    private final CloudTrailClient cloudTrail = CloudTrailClient.builder()
        .region("us-east-1")
        .endpointOverride(server.endpoint())
        .retryPolicy(RetryPolicy.none())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPAGES", "secret")))
        .build();

    @AfterEach
    void close() throws Exception {
        cloudTrail.close(Duration.ofSeconds(10));
        server.close();
    }

    private static String page(int n, String next) {
        return "{\"Queries\":[{\"QueryId\":\"" + QUERY_ID.substring(0, 35) + n + "\",\"QueryStatus\":\"RUNNING\","
            + "\"CreationTime\":1700000000}]" + (next == null ? "" : ",\"NextToken\":\"" + next + "\"") + "}";
    }

    @Test
    void followsNextTokenToTheLastPageOneCallPerDemandedPage() {
        server.enqueue(200, page(1, "tok-2")).enqueue(200, page(2, "tok-3")).enqueue(200, page(3, null));
        Flux<ListQueriesResponse> pages = cloudTrail.listQueriesPaginator(new ListQueriesRequest(STORE)
            .withQueryStatus(QueryStatus.RUNNING));
        assertThat(server.pendingRequests()).as("nothing before subscription").isZero();

        pages.as(flux -> StepVerifier.create(flux, 0))
            .expectSubscription()
            .then(() -> assertThat(server.pendingRequests()).as("nothing before demand").isZero())
            .thenRequest(1)
            .assertNext(p -> assertThat(p.nextToken()).isEqualTo("tok-2"))
            .then(() -> {
                assertThat(server.takeRequest().body()).doesNotContain("NextToken").contains("\"QueryStatus\":\"RUNNING\"");
                assertThat(server.pendingRequests()).as("no page fetched ahead").isZero();
            })
            .thenRequest(1)
            .assertNext(p -> assertThat(p.nextToken()).isEqualTo("tok-3"))
            .then(() -> assertThat(server.takeRequest().body()).contains("\"NextToken\":\"tok-2\"")
                .contains("\"QueryStatus\":\"RUNNING\""))
            .thenRequest(5)
            .assertNext(p -> assertThat(p.nextToken()).isNull())
            .verifyComplete();
        assertThat(server.takeRequest().body()).contains("\"NextToken\":\"tok-3\"");
        assertThat(server.pendingRequests()).isZero();
    }

    @Test
    void theQueriesFlattenLazilyWithAPrefetchOfOne() {
        server.enqueue(200, page(1, "tok-2")).enqueue(200, page(2, null));

        cloudTrail.listQueriesPaginator(new ListQueriesRequest(STORE))
            .flatMapIterable(ListQueriesResponse::queries, 1)
            .take(1)
            .as(StepVerifier::create)
            .assertNext(query -> assertThat(query.queryId()).endsWith("1"))
            .verifyComplete();
        server.takeRequest();
        assertThat(server.pendingRequests()).as("take(1) makes one call").isZero();
    }

    @Test
    void aFailingPageEndsTheFluxWithItsError() {
        server.enqueue(200, page(1, "tok-2")).enqueue(400, "{\"__type\":\"InvalidNextTokenException\"}");

        cloudTrail.listQueriesPaginator(new ListQueriesRequest(STORE))
            .as(StepVerifier::create)
            .expectNextCount(1)
            .expectError(InvalidNextTokenException.class)
            .verify();
    }

    @Test
    void eachSubscriptionStartsFromTheFirstPageAndTheSameTokenTwiceEnds() {
        Flux<ListEventDataStoresResponse> stores = cloudTrail.listEventDataStoresPaginator(
            new ListEventDataStoresRequest());
        for (int run = 0; run < 2; run++) {
            server.enqueue(200, "{\"EventDataStores\":[{\"Name\":\"a\"}],\"NextToken\":\"same\"}")
                .enqueue(200, "{\"EventDataStores\":[{\"Name\":\"b\"}],\"NextToken\":\"same\"}");
            stores.as(StepVerifier::create).expectNextCount(2).verifyComplete();
            assertThat(server.takeRequest().body()).isEqualTo("{}");
            assertThat(server.takeRequest().body()).isEqualTo("{\"NextToken\":\"same\"}");
        }
    }

    @Test
    void cancellingStopsBeforeTheNextPage() {
        server.enqueue(200, "{\"EventDataStores\":[],\"NextToken\":\"tok-2\"}");

        cloudTrail.listEventDataStoresPaginator(new ListEventDataStoresRequest())
            .as(flux -> StepVerifier.create(flux, 1))
            .expectNextCount(1)
            .thenCancel()
            .verify();
        server.takeRequest();
        assertThat(server.pendingRequests()).isZero();
    }

    @Test
    void aNullRequestFailsTheFlux() {
        cloudTrail.listQueriesPaginator(null)
            .as(StepVerifier::create)
            .expectError(InvalidInputException.class)
            .verify();
        cloudTrail.listEventDataStoresPaginator(null)
            .as(StepVerifier::create)
            .expectError(InvalidInputException.class)
            .verify();
    }
}

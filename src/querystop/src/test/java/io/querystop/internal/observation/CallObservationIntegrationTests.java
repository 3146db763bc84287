package io.querystop.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.querystop.CallOptions;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.cloudtrail.CancelQueryRequest;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.observation.DefaultQuerystopObservationConvention;
import io.querystop.observation.QuerystopObservationContext;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * One observation per call against the emulator: its name, contextual name and tags for every outcome, its events,
 * its parent taken from the Reactor {@code Context}, a custom convention, and timers into a meter registry alone.
 * {@link TestObservationRegistry} also checks each observation's life (started once, stopped once, nothing after).
 */
class CallObservationIntegrationTests {

    static final RetryPolicy FAST = RetryPolicy.standard().toBuilder()
        .backoff(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)).build();
    /** Only for the test where every attempt must time out; see {@link #neptune()}. */
    static final Timeouts SHORT = Timeouts.defaults().withResponse(Duration.ofMillis(800));
    static final String NAME = "querystop.client.requests";
    static final String CT_QUERY = "a1b2c3d4-0000-4000-8000-00000000c7a1";

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();
    private final TestObservationRegistry registry = TestObservationRegistry.create();

    /**
     * The default response timeout, not a short one: on a busy machine an answer can take longer than a short timeout,
     * and the retry of a cancel the emulator had carried out then finds the query gone, failing a test meant to succeed.
     */
    private NeptuneDataClient neptune() {
        return env.neptune(b -> b.observationRegistry(registry).retryPolicy(FAST));
    }

    private TestObservationRegistryAssert.TestObservationRegistryAssertReturningObservationContextAssert single() {
        return TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
            .hasNameEqualTo(NAME).hasBeenStarted().hasBeenStopped();
    }

    private QuerystopObservationContext onlyContext() {
        List<Observation.Context> contexts = new java.util.ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts::addAll);
        assertThat(contexts).hasSize(1);
        return (QuerystopObservationContext) contexts.get(0);
    }

    @Test
    void aCancelledQueryIsOneSuccessfulObservation() {
        emulator.addGremlinQuery("q-1");

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        single().hasContextualNameEqualTo("neptunedata CancelGremlinQuery")
            .hasLowCardinalityKeyValue("service", "neptunedata")
            .hasLowCardinalityKeyValue("operation", "CancelGremlinQuery")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasLowCardinalityKeyValue("error.code", "none")
            .hasHighCardinalityKeyValue("query.id", "q-1")
            .doesNotHaveError()
            .doesNotHaveEvent("retry");
        assertThat(onlyContext().getAttempts()).isEqualTo(1);
    }

    @Test
    void aQueryThatIsNotRunningIsNotRunning() {
        neptune().cancelGremlinQuery("gone").as(StepVerifier::create).expectError().verify();

        single().hasLowCardinalityKeyValue("outcome", "not_running")
            .hasLowCardinalityKeyValue("error.code", "InvalidParameterException")
            .hasHighCardinalityKeyValue("query.id", "gone")
            .hasError();
        assertThat(onlyContext().getRequestId()).isNotBlank();
    }

    @Test
    void anUnknownLoaderJobIsNotRunningToo() {
        neptune().cancelLoaderJob("no-such-load").as(StepVerifier::create).expectError().verify();

        single().hasLowCardinalityKeyValue("operation", "CancelLoaderJob")
            .hasLowCardinalityKeyValue("outcome", "not_running")
            .hasHighCardinalityKeyValue("query.id", "no-such-load");
    }

    @Test
    void throttlingToTheLastAttemptIsThrottledWithRetryAndThrottledEvents() {
        emulator.addGremlinQuery("q-1");
        for (int i = 0; i < 3; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "Rate exceeded"));
        }

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectError().verify();

        single().hasLowCardinalityKeyValue("outcome", "throttled")
            .hasLowCardinalityKeyValue("error.code", "ThrottlingException")
            .hasEvent("retry").hasEvent("throttled");
        QuerystopObservationContext context = onlyContext();
        assertThat(context.getAttempts()).isEqualTo(3);
        assertThat(context.getThrottledAttempts()).isEqualTo(3);
    }

    @Test
    void aThrottledAttemptThenASuccessIsASuccessWithItsEvents() {
        emulator.addGremlinQuery("q-1");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "Rate exceeded"));

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        single().hasLowCardinalityKeyValue("outcome", "success").hasEvent("retry").hasEvent("throttled");
        assertThat(onlyContext().getAttempts()).isEqualTo(2);
    }

    @Test
    void aBadRequestIsAClientError() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(400, "BadRequestException", "no"));

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectError().verify();

        single().hasLowCardinalityKeyValue("outcome", "client_error")
            .hasLowCardinalityKeyValue("error.code", "BadRequestException");
    }

    @Test
    void a503EveryTimeIsAServerError() {
        for (int i = 0; i < 3; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, "text/html", "<html>busy</html>"));
        }

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectError().verify();

        single().hasLowCardinalityKeyValue("outcome", "server_error")
            .hasLowCardinalityKeyValue("error.code", "NeptuneDataException");
    }

    @Test
    void noAnswerWithinTheResponseTimeoutIsATimeout() {
        for (int i = 0; i < 3; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        }
        NeptuneDataClient neptune = env.neptune(b -> b.observationRegistry(registry).retryPolicy(FAST).timeouts(SHORT));

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectError().verify(Duration.ofSeconds(20));

        single().hasLowCardinalityKeyValue("outcome", "timeout")
            .hasLowCardinalityKeyValue("error.code", "ResponseTimeoutException");
    }

    @Test
    void theCallTimeoutIsATimeout() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());

        neptune().cancelGremlinQuery(new io.querystop.neptunedata.CancelGremlinQueryRequest("q-1"),
                CallOptions.defaults().withCallTimeout(Duration.ofMillis(200)))
            .as(StepVerifier::create).expectError().verify(Duration.ofSeconds(10));

        single().hasLowCardinalityKeyValue("outcome", "timeout")
            .hasLowCardinalityKeyValue("error.code", "CallTimeoutException");
    }

    @Test
    void resetsEveryTimeAreATransportError() {
        for (int i = 0; i < 3; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.reset());
        }

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectError().verify(Duration.ofSeconds(10));

        single().hasLowCardinalityKeyValue("outcome", "transport_error")
            .hasLowCardinalityKeyValue("error.code", "TransportException");
        assertThat(onlyContext().getAttempts()).isEqualTo(3);
    }

    @Test
    void aCancelledSubscriptionEndsTheObservationAsCancelled() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create)
            .expectSubscription()
            .then(() -> env.nextRequest(Duration.ofSeconds(10))) // the request is on the wire
            .thenCancel()
            .verify(Duration.ofSeconds(10));

        single().hasLowCardinalityKeyValue("outcome", "cancelled").doesNotHaveError();
    }

    @Test
    void theObservationInTheReactorContextIsTheParent() {
        emulator.addGremlinQuery("q-1");
        Observation parent = Observation.start("web.request", registry);

        neptune().cancelGremlinQuery("q-1")
            .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, parent))
            .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        parent.stop();

        TestObservationRegistryAssert.assertThat(registry)
            .hasNumberOfObservationsEqualTo(2)
            .hasObservationWithNameEqualTo(NAME).that().hasParentObservationEqualTo(parent);
    }

    @Test
    void withoutAnObservationInTheContextThereIsNoParent() {
        emulator.addGremlinQuery("q-1");

        neptune().cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        single().doesNotHaveParentObservation();
    }

    @Test
    void aCustomConventionNamesAndTags() {
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune(b -> b.observationRegistry(registry)
            .observationConvention(new DefaultQuerystopObservationConvention() {
                @Override
                public String getName() {
                    return "neptune.cancels";
                }

                @Override
                public KeyValues getLowCardinalityKeyValues(QuerystopObservationContext context) {
                    return super.getLowCardinalityKeyValues(context).and("server.address", context.getEndpoint());
                }
            }));

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
            .hasNameEqualTo("neptune.cancels")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasLowCardinalityKeyValue("server.address", emulator.endpoint().getAuthority());
    }

    @Test
    void cloudTrailCallsCarryTheirServiceAndTheRequestIdOfASuccess() {
        emulator.addCloudTrailQuery(CT_QUERY, "RUNNING");
        CloudTrailClient cloudTrail = env.cloudTrail(b -> b.observationRegistry(registry));

        cloudTrail.cancelQuery(new CancelQueryRequest(CT_QUERY, null, null)).as(StepVerifier::create)
            .expectNextCount(1).verifyComplete();

        single().hasContextualNameEqualTo("cloudtrail CancelQuery")
            .hasLowCardinalityKeyValue("service", "cloudtrail")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasHighCardinalityKeyValue("query.id", CT_QUERY);
        assertThat(onlyContext().getRequestId()).isNotBlank();
    }

    @Test
    void anInactiveCloudTrailQueryIsNotRunning() {
        emulator.addCloudTrailQuery(CT_QUERY, "FINISHED");
        CloudTrailClient cloudTrail = env.cloudTrail(b -> b.observationRegistry(registry));

        cloudTrail.cancelQuery(new CancelQueryRequest(CT_QUERY, null, null)).as(StepVerifier::create)
            .expectError().verify();

        single().hasLowCardinalityKeyValue("outcome", "not_running")
            .hasLowCardinalityKeyValue("error.code", "InactiveQueryException");
    }

    @Test
    void theCallersAttemptObserverIsStillTold() {
        emulator.addGremlinQuery("q-1");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, "text/html", "<html>busy</html>"));
        AtomicInteger attempts = new AtomicInteger();

        neptune().cancelGremlinQuery(new io.querystop.neptunedata.CancelGremlinQueryRequest("q-1"),
                CallOptions.defaults().withAttemptObserver((throttled, nanos) -> attempts.incrementAndGet()))
            .as(StepVerifier::create).expectNextCount(1).verifyComplete();

        assertThat(attempts).hasValue(2);
        assertThat(onlyContext().getAttempts()).isEqualTo(2);
    }

    @Test
    void aMeterRegistryAloneTimesCallsAndCountsRetries() {
        MeterRegistry meters = new SimpleMeterRegistry();
        emulator.addGremlinQuery("q-1");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "Rate exceeded"));
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(meters).retryPolicy(FAST));

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        neptune.cancelGremlinQuery("q-2").as(StepVerifier::create).expectError().verify();

        Timer success = meters.get(NAME).tags("service", "neptunedata", "operation", "CancelGremlinQuery",
            "outcome", "success", "error.code", "none").timer();
        Timer notRunning = meters.get(NAME).tags("outcome", "not_running", "error.code", "InvalidParameterException")
            .timer();
        assertThat(success.count()).isEqualTo(1);
        assertThat(notRunning.count()).isEqualTo(1);
        assertThat(meters.get(NAME + ".retry").tags("operation", "CancelGremlinQuery").counter().count())
            .isEqualTo(1);
        assertThat(meters.get(NAME + ".throttled").counter().count()).isEqualTo(1);
    }

    @Test
    void aGivenObservationRegistryIsUsedAsItIs() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        MeterRegistry unused = new SimpleMeterRegistry();
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune(b -> b.observationRegistry(observations).meterRegistry(unused));

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        assertThat(meters.get(NAME).timer().count()).isEqualTo(1);
        assertThat(unused.find(NAME).timer()).isNull(); // the meter registry gets pool and bulk meters only
    }
}

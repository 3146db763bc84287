package io.querystop.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations querystop records, with their keys and events, as Micrometer's documentation tooling reads them. */
public enum QuerystopObservationDocumentation implements ObservationDocumentation {

    /** One observation per call, retries included, named {@value DefaultQuerystopObservationConvention#NAME}. */
    CLIENT_REQUESTS {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultQuerystopObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }

        @Override
        public Observation.Event[] getEvents() {
            return Events.values();
        }
    };

    public enum LowCardinalityKeys implements KeyName {
        /** {@code neptunedata} or {@code cloudtrail}. */
        SERVICE("service"),
        /** The AWS operation, e.g. {@code CancelGremlinQuery}. */
        OPERATION("operation"),
        /** A {@link CallOutcome} value, e.g. {@code success} or {@code not_running}; set when the call ends. */
        OUTCOME("outcome"),
        /** The service's error code, the failure's type name, or {@code none}; set when the call ends. */
        ERROR_CODE("error.code");

        private final String name;

        LowCardinalityKeys(String name) {
            this.name = name;
        }

        @Override
        public String asString() {
            return name;
        }
    }

    public enum HighCardinalityKeys implements KeyName {
        /** The query id (the load id for loader jobs) the call is about. */
        QUERY_ID("query.id"),
        /** The AWS request id of the last answer. */
        AWS_REQUEST_ID("aws.request.id");

        private final String name;

        HighCardinalityKeys(String name) {
            this.name = name;
        }

        @Override
        public String asString() {
            return name;
        }
    }

    /**
     * Events within a call; with Micrometer's {@code DefaultMeterObservationHandler} each becomes a counter named
     * {@code querystop.client.requests.<event>}, tagged {@code service} and {@code operation}.
     */
    public enum Events implements Observation.Event {
        /** An attempt after the first ended (counted when it ends). */
        RETRY("retry"),
        /** The service throttled an attempt. */
        THROTTLED("throttled");

        private final String name;

        Events(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}

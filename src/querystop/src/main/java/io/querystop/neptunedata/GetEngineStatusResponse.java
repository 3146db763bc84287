package io.querystop.neptunedata;

import java.util.Map;

/**
 * The status of the instance that answered ({@code GetEngineStatus}). Every member is {@code null} when the service
 * left it out; maps are immutable.
 *
 * @param status                          {@code healthy}, or {@code recovery} while the instance recovers
 * @param startTime                       when the instance started, as Neptune writes it
 * @param dbEngineVersion                 the engine version, e.g. {@code 1.3.2.0.R1}
 * @param role                            {@code writer} for the primary instance, {@code reader} for a read replica
 * @param dfeQueryEngine                  the DFE engine setting, e.g. {@code viaQueryHint}
 * @param gremlin                         the Gremlin version
 * @param sparql                          the SPARQL version
 * @param opencypher                      the openCypher version
 * @param labMode                         the lab-mode features and whether each is on
 * @param rollingBackTrxCount             transactions being rolled back
 * @param rollingBackTrxEarliestStartTime when the earliest of those started
 * @param features                        feature status, as plain Java values (a Smithy document per feature)
 * @param settings                        settings such as {@code clusterQueryTimeoutInMs}, values as text
 */
public record GetEngineStatusResponse(String status, String startTime, String dbEngineVersion, String role,
                                      String dfeQueryEngine, QueryLanguageVersion gremlin,
                                      QueryLanguageVersion sparql, QueryLanguageVersion opencypher,
                                      Map<String, String> labMode, Integer rollingBackTrxCount,
                                      String rollingBackTrxEarliestStartTime, Map<String, Object> features,
                                      Map<String, String> settings) {

    /** Whether the instance said it is the writer (the primary); {@code false} for a reader or an unknown role. */
    public boolean writer() {
        return "writer".equals(role);
    }
}

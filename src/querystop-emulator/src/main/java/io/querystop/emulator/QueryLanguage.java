package io.querystop.emulator;

/** The query languages whose queries an emulated Neptune instance runs, lists and cancels. */
public enum QueryLanguage {
    /** Listed at {@code /gremlin/status}. */
    GREMLIN,
    /** Listed at {@code /opencypher/status}. */
    OPEN_CYPHER
}

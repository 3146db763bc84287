package io.querystop.sweep;

/** The query languages whose running queries a Neptune instance lists and cancels. */
public enum QueryLanguage {
    GREMLIN("gremlin"),
    OPEN_CYPHER("opencypher");

    private final String label;

    QueryLanguage(String label) {
        this.label = label;
    }

    /** The name events and the command line use: {@code gremlin} or {@code opencypher}. */
    public String label() {
        return label;
    }
}

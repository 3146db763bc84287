package io.querystop.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a successful response's JSON (or {@code null} for an empty body) into the operation's response record. */
@FunctionalInterface
public interface ResponseMapper<T> {

    /** @throws io.querystop.internal.json.JsonMembers.MemberTypeException when a member has the wrong type */
    T map(JsonNode body);
}

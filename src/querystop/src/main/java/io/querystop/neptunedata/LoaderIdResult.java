package io.querystop.neptunedata;

import java.util.List;

/** @param loadIds the load ids, newest first as Neptune lists them (immutable); {@code null} when absent */
public record LoaderIdResult(List<String> loadIds) {
}

package io.maple.bench;

import io.maple.bench.report.Section;

/** One benchmark: measures Maple and its limit side by side and says how they compare. */
public interface Workload {

    Section run() throws Exception;
}

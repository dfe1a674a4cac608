package io.maple.api.admin;

import io.maple.engine.spi.EngineExtInfo;
import jakarta.validation.constraints.Size;

/** Replaces an engine's home and ext info; category and version identify it and stay. */
public record UpdateEngineRequest(@Size(max = 512) String engineHome, EngineExtInfo extInfo) {
}

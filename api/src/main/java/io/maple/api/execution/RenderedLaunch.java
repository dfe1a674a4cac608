package io.maple.api.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.maple.engine.spi.LaunchSpec;

/** What `/render` returns: the script (YARN, LOCAL) or the custom resource (K8S) a launch would use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenderedLaunch(String type, String script, String applicationTag, String apiVersion, String kind,
                             String namespace, String name, String yaml) {

    static RenderedLaunch of(LaunchSpec spec) {
        if (spec instanceof LaunchSpec.Script s) {
            return new RenderedLaunch("script", s.script(), s.applicationTag(), null, null, null, null, null);
        }
        LaunchSpec.Resource r = (LaunchSpec.Resource) spec;
        return new RenderedLaunch("resource", null, null, r.apiVersion(), r.kind(), r.namespace(), r.name(), r.yaml());
    }

    /** The same launch with every secret value masked (see {@link io.maple.api.security.Secrets}). */
    RenderedLaunch scrubbed(java.util.Set<String> secretValues) {
        return new RenderedLaunch(type, io.maple.api.security.Secrets.scrub(script, secretValues), applicationTag,
                apiVersion, kind, namespace, name, io.maple.api.security.Secrets.scrub(yaml, secretValues));
    }
}

package io.maple.engine.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;

/**
 * Serializes a custom resource built as maps and lists. Jackson's YAML writer quotes and escapes every
 * string, so a user value stays one scalar whatever it contains ({@code : }, {@code ---}, newlines).
 */
public final class ResourceYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ResourceYaml() {
    }

    public static String write(Map<String, Object> resource) {
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize resource", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String yaml) {
        try {
            return YAML.readValue(yaml, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a YAML mapping", e);
        }
    }
}

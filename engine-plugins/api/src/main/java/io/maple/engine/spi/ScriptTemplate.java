package io.maple.engine.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * A Velocity launch-script template read from the plugin's own class path (so that plugins loaded
 * from a plugin directory find their templates). Callers put only values that were already passed
 * through {@link Shell#quote} (or constants) into the context: Velocity inserts them verbatim and
 * never evaluates an inserted value again.
 */
public final class ScriptTemplate {

    private static final VelocityEngine VELOCITY = engine();

    private final String name;
    private final String text;

    private ScriptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code resource} (an absolute class path resource) relative to {@code owner}'s loader. */
    public static ScriptTemplate load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template not found: " + resource);
            }
            return new ScriptTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(Map<String, ?> model) {
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        StringWriter out = new StringWriter();
        VELOCITY.evaluate(context, out, name, text);
        return out.toString();
    }

    private static VelocityEngine engine() {
        Properties properties = new Properties();
        // A missing value is a bug in the plugin, never something to render as "$name".
        properties.setProperty("runtime.strict_mode.enable", "true");
        properties.setProperty("space.gobbling", "lines");
        VelocityEngine engine = new VelocityEngine(properties);
        engine.init();
        return engine;
    }
}

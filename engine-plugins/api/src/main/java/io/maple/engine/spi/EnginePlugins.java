package io.maple.engine.spi;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The registry of engine plugins: those on Maple's classpath plus those in jars dropped into a plugin
 * directory, so a site can add an engine (or a version) without rebuilding Maple. Plugins in the
 * directory are asked first, so a site plugin can take over a version the built-in one also supports.
 */
public final class EnginePlugins {

    private final List<EnginePlugin> plugins;

    public EnginePlugins(List<EnginePlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /** Plugins found on the class path of {@code parent} only. */
    public static EnginePlugins load(ClassLoader parent, PluginSettings settings) {
        return load(parent, null, settings);
    }

    /**
     * Plugins from every {@code *.jar} in {@code pluginDir} (when it exists; one class loader per jar,
     * child of {@code parent}), then from {@code parent}'s class path.
     */
    public static EnginePlugins load(ClassLoader parent, Path pluginDir, PluginSettings settings) {
        List<EnginePlugin> found = new ArrayList<>();
        for (URL jar : jarsIn(pluginDir)) {
            // One loader per jar: two site plugins never see each other's classes.
            URLClassLoader loader = new URLClassLoader(new URL[] {jar}, parent);
            for (EnginePlugin plugin : ServiceLoader.load(EnginePlugin.class, loader)) {
                // ServiceLoader also walks the parent: keep only what this jar itself brings.
                if (plugin.getClass().getClassLoader() == loader) {
                    found.add(plugin);
                }
            }
        }
        ServiceLoader.load(EnginePlugin.class, parent).forEach(found::add);
        found.forEach(plugin -> plugin.configure(settings));
        return new EnginePlugins(found);
    }

    public List<EnginePlugin> all() {
        return plugins;
    }

    /**
     * The plugin for an engine, version and cluster category.
     *
     * @throws InvalidJobException naming {@code engine}, {@code engineVersion} or {@code clusterCategory}
     */
    public EnginePlugin lookup(EngineCategory engine, String engineVersion, ClusterCategory clusterCategory) {
        if (engine == null) {
            throw new InvalidJobException("engine", "engine is required");
        }
        if (engineVersion == null || engineVersion.isBlank()) {
            throw new InvalidJobException("engineVersion", "engineVersion is required");
        }
        if (clusterCategory == null) {
            throw new InvalidJobException("clusterCategory", "cluster category is required");
        }
        List<EnginePlugin> forEngine = plugins.stream().filter(p -> p.engine() == engine).toList();
        if (forEngine.isEmpty()) {
            throw new InvalidJobException("engine", "no plugin for engine " + engine.wireName());
        }
        return forEngine.stream()
                .filter(p -> p.supports(engineVersion, clusterCategory))
                .findFirst()
                .orElseThrow(() -> forEngine.stream().anyMatch(p -> supportsAnyCategory(p, engineVersion))
                        ? new InvalidJobException("clusterCategory", engine.wireName() + " " + engineVersion
                                + " cannot run on a " + clusterCategory + " cluster")
                        : new InvalidJobException("engineVersion", "unsupported " + engine.wireName()
                                + " version: " + engineVersion));
    }

    /** The plugin for the request's engine, version and cluster category. */
    public EnginePlugin lookup(LaunchRequest request) {
        return lookup(request.engine(), request.engineVersion(), request.clusterCategory());
    }

    /** Looks the plugin up and validates the request: the submit-time check (400 on failure). */
    public void validate(LaunchRequest request) {
        lookup(request).validate(request);
    }

    /** Looks the plugin up and renders the request (validating it first). */
    public LaunchSpec render(LaunchRequest request) {
        return lookup(request).render(request);
    }

    private static boolean supportsAnyCategory(EnginePlugin plugin, String version) {
        return Stream.of(ClusterCategory.values()).anyMatch(c -> plugin.supports(version, c));
    }

    private static List<URL> jarsIn(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(f -> {
                try {
                    return f.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }
}

package io.maple.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry with a real site plugin: its source is compiled and jarred at test time and dropped
 * into a plugin directory, as a site would do without rebuilding Maple.
 */
class EnginePluginsTest {

    @TempDir
    static Path work;

    static Path pluginDir;

    @BeforeAll
    static void buildSitePlugin() throws IOException {
        Path src = Files.createDirectories(work.resolve("src/site"));
        Files.writeString(src.resolve("EchoPlugin.java"), """
                package site;
                import io.maple.domain.*;
                import io.maple.engine.spi.*;
                public class EchoPlugin implements EnginePlugin {
                    private String greeting = "unset";
                    public EngineCategory engine() { return EngineCategory.FLINK; }
                    public boolean supports(String v, ClusterCategory c) { return "9.9".equals(v) && c == ClusterCategory.LOCAL; }
                    public void validate(LaunchRequest r) { if (r.job() == null) throw new InvalidJobException("job", "no job"); }
                    public LaunchSpec render(LaunchRequest r) {
                        validate(r);
                        return new LaunchSpec.Script("echo " + Shell.quote(greeting), Names.applicationTag(r.executionId()));
                    }
                    public void configure(PluginSettings s) { greeting = s.get("echo.greeting", "hello"); }
                }
                """);
        Path classes = Files.createDirectories(work.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("EchoPlugin.java").toString());
        assertThat(rc).isZero();
        pluginDir = Files.createDirectories(work.resolve("plugins"));
        try (OutputStream file = Files.newOutputStream(pluginDir.resolve("echo-plugin.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("site/EchoPlugin.class"));
            jar.write(Files.readAllBytes(classes.resolve("site/EchoPlugin.class")));
            jar.putNextEntry(new JarEntry("META-INF/services/io.maple.engine.spi.EnginePlugin"));
            jar.write("site.EchoPlugin\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(pluginDir.resolve("README.txt"), "not a jar, ignored");
    }

    private static EnginePlugins registry() {
        return EnginePlugins.load(EnginePluginsTest.class.getClassLoader(), pluginDir,
                new PluginSettings(Map.of("echo.greeting", "it's me")));
    }

    @Test
    void loadsAPluginJarFromTheDirectoryInItsOwnClassLoaderAndConfiguresIt() {
        EnginePlugin plugin = registry().lookup(EngineCategory.FLINK, "9.9", ClusterCategory.LOCAL);

        assertThat(plugin.getClass().getName()).isEqualTo("site.EchoPlugin");
        assertThat(plugin.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class)
                .isNotSameAs(EnginePluginsTest.class.getClassLoader());
        LaunchSpec spec = registry().render(request(EngineCategory.FLINK, "9.9", ClusterCategory.LOCAL));
        assertThat(spec).isEqualTo(new LaunchSpec.Script("echo 'it'\\''s me'", "maple-id=5"));
    }

    @Test
    void unsupportedEngineVersionAndClusterCategoryNameTheirField() {
        EnginePlugins registry = registry();
        assertField(() -> registry.lookup(EngineCategory.SPARK, "3.5.5", ClusterCategory.YARN), "engine");
        assertField(() -> registry.lookup(EngineCategory.FLINK, "1.0", ClusterCategory.LOCAL), "engineVersion");
        assertField(() -> registry.lookup(EngineCategory.FLINK, "9.9", ClusterCategory.YARN), "clusterCategory");
        assertField(() -> registry.lookup(EngineCategory.FLINK, " ", ClusterCategory.YARN), "engineVersion");
        assertField(() -> registry.lookup(null, "9.9", ClusterCategory.YARN), "engine");
        assertField(() -> registry.validate(new LaunchRequest(5, "n", "app", "c", ClusterCategory.LOCAL, null,
                "g", "u", EngineCategory.FLINK, "9.9", "/opt/x", EngineExtInfo.none(), null, null)), "job");
    }

    @Test
    void aMissingDirectoryMeansClassPathPluginsOnly() {
        EnginePlugins registry = EnginePlugins.load(getClass().getClassLoader(), work.resolve("absent"),
                PluginSettings.none());
        assertThat(registry.all()).isEmpty();
    }

    private static LaunchRequest request(EngineCategory engine, String version, ClusterCategory category) {
        return new LaunchRequest(5, "n", "app", "c", category, null, "g", "u", engine, version, "/opt/x",
                EngineExtInfo.none(), null, new io.maple.domain.JobConfig(null, null, null, null, null, null, null,
                null, null, null, null, io.maple.domain.RunType.JAR, Map.of()));
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidJobException.class)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo(field);
    }
}

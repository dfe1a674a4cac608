package io.maple.system.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MapleStack}. Starting one costs tens of seconds, so test classes
 * with equal {@link StackSettings} share one stack for the whole test run (closed when the run
 * ends); before each test whatever an earlier test killed is started again.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final MapleStackExtension maple = new MapleStackExtension(StackSettings.local());
 * // or &#64;ExtendWith(MapleStackExtension.class), then take a MapleStack parameter
 * </pre>
 */
public final class MapleStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MapleStack.class);

    private final StackSettings settings;
    private MapleStack stack;

    public MapleStackExtension() {
        this(StackSettings.local());
    }

    public MapleStackExtension(StackSettings settings) {
        this.settings = settings;
    }

    public MapleStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the stack starts before all tests of the class");
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        stack = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(settings, s -> new SharedStack(MapleStack.start(name, settings,
                        BuildOutputs.fromSystemProperties())), SharedStack.class)
                .stack();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stack.label(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        stack.ensureRunning();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MapleStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack();
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test of the run. */
    private record SharedStack(MapleStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}

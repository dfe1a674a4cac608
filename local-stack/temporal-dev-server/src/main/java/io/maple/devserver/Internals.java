package io.maple.devserver;

import java.lang.reflect.Field;

/**
 * Reads and replaces private fields of Temporal's test server. Fails loudly when a field is not
 * there, so a Temporal upgrade that changes the server's internals (and may have fixed what the
 * fixes here work around) is noticed at once instead of silently running unfixed.
 */
final class Internals {

    private Internals() {
    }

    /** The server's in-memory workflow store, behind a {@code PortBoundTestServer} or {@code InProcessTestServer}. */
    static Object workflowStore(Object server) {
        return read(read(server, "testServicesStarter"), "workflowStore");
    }

    /** The server's self-advancing timer, behind a {@code PortBoundTestServer} or {@code InProcessTestServer}. */
    static Object timer(Object server) {
        return read(read(server, "testServicesStarter"), "selfAdvancingTimer");
    }

    static Object read(Object target, String name) {
        try {
            return field(target, name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
        }
    }

    static void write(Object target, String name, Object value) {
        try {
            field(target, name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static Field field(Object target, String name) {
        try {
            Field f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(target.getClass().getName() + " has no field " + name
                    + ": Temporal's test server changed; check whether what io.maple.devserver works around is fixed", e);
        }
    }
}

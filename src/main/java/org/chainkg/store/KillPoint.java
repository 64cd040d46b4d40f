package org.chainkg.store;

/**
 * Named points in the store's write paths where a test can stop the JVM as {@code kill -9} would: with the system
 * property {@code chainkg.killAt=NAME} (or {@code NAME#N} for its N-th passage, counting from 1), reaching that point
 * halts the process at once with exit status {@link #EXIT} (no shutdown hooks, no {@code finally} blocks, no
 * flushing: what a killed process leaves on disk). Without the property a point costs one map lookup. Used by the
 * crash-safety tests; not an option for users.
 */
public final class KillPoint {
    /** Exit status of a process halted at a kill point. */
    public static final int EXIT = 86;
    private static final String TARGET = System.getProperty("chainkg.killAt");
    private static int passages;

    /** Halts the JVM if this is the point (and passage) the test asked for. */
    public static void reached(String name) {
        if (TARGET == null) return;
        int hash = TARGET.indexOf('#');
        String point = hash < 0 ? TARGET : TARGET.substring(0, hash);
        if (!point.equals(name)) return;
        int wanted = hash < 0 ? 1 : Integer.parseInt(TARGET.substring(hash + 1));
        synchronized (KillPoint.class) {
            if (++passages == wanted) Runtime.getRuntime().halt(EXIT);
        }
    }

    private KillPoint() {}
}

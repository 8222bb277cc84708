package fr.oref.devenir.lake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the crash-safety test stops a job dead. With {@code -Ddevenir.crashAt=commit-N} the JVM halts
 * (exit 137, no shutdown hook, no finally: what kill -9 leaves) right after the lake's N-th write of
 * the process; with {@code -Ddevenir.crashAt=NAME}, at the point of that name. Named points make a
 * crash between two given commits reproducible, which a kill after a delay cannot promise; without
 * the property nothing happens.
 */
public final class CrashPoints {
  public static final String PROPERTY = "devenir.crashAt";
  public static final int KILLED = 137;
  private static final AtomicInteger COMMITS = new AtomicInteger();

  private CrashPoints() {}

  /** A write of the lake has just been committed. */
  static void committed() {
    if (System.getProperty(PROPERTY) != null) {
      reached("commit-" + COMMITS.incrementAndGet());
    }
  }

  public static void reached(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      Runtime.getRuntime().halt(KILLED);
    }
  }
}

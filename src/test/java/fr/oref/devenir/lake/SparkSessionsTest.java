package fr.oref.devenir.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.oref.devenir.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * An embedded run (the demo plays a whole campaign in one JVM for over an hour) and the test JVM keep
 * Spark's memory pages small and its record of past queries short: without it a long run ended with
 * "Failed to allocate a page" (64 MiB arrays held by broadcast hash maps of a few rows).
 */
class SparkSessionsTest {
  @Test
  void longRunningSessionsTakeSmallPagesAndKeepLittleHistory() {
    assertEquals("1m", SparkSessions.embeddedDefaults().get("spark.buffer.pageSize"));
    assertEquals("20", SparkSessions.embeddedDefaults().get("spark.sql.ui.retainedExecutions"));
    assertEquals("1m", SharedSpark.session().conf().get("spark.buffer.pageSize"));
    assertEquals("2000", SharedSpark.session().conf().get("spark.ui.retainedTasks"));
  }
}

package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs airflow/tests (pytest, Debian's python) from the build, so one test command covers the DAGs.
 * Outside CI a machine without python3-pytest skips; in CI (.ci/run installs it) it must run.
 */
class AirflowDagsTest {
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void dagContractTestsPass() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    boolean pytest = new File(PYTHON).canExecute()
        && new ProcessBuilder(PYTHON, "-c", "import pytest").start().waitFor() == 0;
    assumeTrue(ci || pytest, "python3-pytest is not installed (.ci/run installs it)");
    Process p = new ProcessBuilder(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "airflow/tests")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }
}

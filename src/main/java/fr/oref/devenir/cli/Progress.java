package fr.oref.devenir.cli;

import fr.oref.devenir.publish.PublishJob;
import java.io.PrintWriter;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long command is doing. On a terminal, one line rewritten in place on stderr: the phase and,
 * while Spark runs a stage, its tasks done / total (leaver files are parsed one per task, so ingest
 * shows files read / files), or the steps a job counts on the driver (publish: CFA bundles written /
 * CFAs). Elsewhere (Airflow, cron, tests) nothing is drawn: one log line per phase.
 * Phases are named by the jobs through Spark's own job description, which the Spark UI shows too, so
 * no job depends on the command line.
 */
final class Progress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
  /** SparkContext.SPARK_JOB_DESCRIPTION, private to Spark. */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private final String command;
  private final PrintWriter terminal;
  private String phase;
  private int stage = -1;
  private int tasks;
  private int tasksDone;
  private int drawn;
  private SparkContext spark;
  private boolean closed;

  /** @param terminal where to draw, or null when no one watches (then phases go to the log) */
  Progress(String command, PrintWriter terminal) {
    this.command = command;
    this.terminal = terminal;
  }

  /** The progress of {@code command} on {@code spark}: drawn on {@code err} only when a person is at a terminal. */
  static Progress attach(SparkContext spark, String command, PrintWriter err) {
    Progress progress = new Progress(command, System.console() != null ? err : null);
    progress.spark = spark;
    spark.addSparkListener(progress);
    return progress;
  }

  /** Starts a phase; the same phase named again is not a new one. */
  synchronized void phase(String name) {
    if (closed || name == null || name.equals(phase)) {
      return;
    }
    phase = name;
    tasks = 0;
    if (terminal == null) {
      LOG.info("{} : {}", command, name);
    } else {
      draw(command + " : " + name + "…");
    }
  }

  /** Work done in the current phase; drawn on a terminal, never logged (a log line per phase is enough). */
  synchronized void step(long done, long total) {
    if (!closed && terminal != null && phase != null) {
      draw(command + " : " + phase + " " + done + "/" + total);
    }
  }

  /**
   * Work the driver counts itself (publish's CFA bundles), drawn as {@code phase}'s steps like Spark's
   * tasks. The log has the phase already, from the job description of its Spark jobs: naming it here
   * too could log it twice when the listener's events come late.
   */
  PublishJob.Steps steps(String phase) {
    return (done, total) -> {
      if (terminal != null) {
        phase(phase);
      }
      step(done, total);
    };
  }

  /**
   * Clears the drawn line so the command's own summary starts on a clean line, and forgets the last
   * phase name so a later command on the same session does not inherit it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (spark != null) {
      spark.removeSparkListener(this);
      spark.setJobDescription(null);
    }
    if (terminal != null && drawn > 0) {
      terminal.print("\r" + " ".repeat(drawn) + "\r");
      terminal.flush();
      drawn = 0;
    }
  }

  private void draw(String line) {
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    terminal.flush();
    drawn = line.length();
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    phase(job.properties() == null ? null : phaseOf(job.properties().getProperty(JOB_DESCRIPTION)));
  }

  /**
   * The phase a job description names, or null for one Delta wrote around it (« Delta: phase: Filtering
   * files… », « phase - MERGE operation - … », « MERGE operation - … »): each phase also runs plain
   * Spark jobs, so following Delta's would only log the phase again after each of its operations.
   * A phase's name therefore holds no « - ».
   */
  static String phaseOf(String description) {
    return description == null || description.startsWith("Delta: ") || description.contains(" - ") ? null : description;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    stage = submitted.stageInfo().stageId();
    tasks = submitted.stageInfo().numTasks();
    tasksDone = 0;
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.stageId() == stage && tasks > 0) {
      step(++tasksDone, tasks);
    }
  }
}

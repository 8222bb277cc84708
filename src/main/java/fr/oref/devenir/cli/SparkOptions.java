package fr.oref.devenir.cli;

import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.LakeLock;
import fr.oref.devenir.lake.SparkSessions;
import fr.oref.devenir.privacy.KeyRegister;
import fr.oref.devenir.privacy.Pseudonymizer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every Spark command shares: where the lake is and which Spark runs the job. Opening the
 * session takes the lake's lock (waiting for a job already writing it); {@link Devenir} releases it
 * when the command ends, whatever the outcome.
 */
public final class SparkOptions implements AutoCloseable {
  @Option(names = "--lake", defaultValue = "lake", paramLabel = "DIR",
      description = "Racine du lac Delta : dossier local ou URI Hadoop (s3a://, abfss://, hdfs://). Défaut : ${DEFAULT-VALUE}")
  String lake;

  @Option(names = "--master", paramLabel = "URL",
      description = "Master Spark (local[2], yarn, k8s://…). Défaut : celui de spark-submit, sinon Spark local embarqué.")
  String master;

  @Option(names = "--conf", paramLabel = "CLÉ=VALEUR", description = "Propriété Spark supplémentaire (répétable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--lock-timeout", defaultValue = "3600", paramLabel = "SECONDES",
      description = "Attente maximale quand un autre job écrit le même lac. Défaut : ${DEFAULT-VALUE} s.")
  long lockTimeout;

  @Option(names = "--allow-demo-key",
      description = "Accepte la clé de pseudonymisation de démonstration (données fictives uniquement).")
  boolean allowDemoKey;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private LakeLock lock;
  private Progress progress;

  /**
   * The job's session, holding the lake's lock, once the pseudonymisation key is known to be the
   * lake's: every command checks it, even one that does not derive keys, so a wrong key is caught at
   * the first command of a run (and a new lake records its key's fingerprint under the lock).
   */
  SparkSession session(String job) {
    SparkSession session = SparkSessions.create("devenir " + job, master, conf);
    progress = Progress.attach(session.sparkContext(), job, command.commandLine().getErr());
    try {
      lock = LakeLock.acquire(session.sparkContext().hadoopConfiguration(), lake, command.name(),
          Duration.ofSeconds(lockTimeout), message -> command.commandLine().getErr().println(message));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrompu pendant l'attente du verrou du lac.", e);
    }
    Pseudonymizer key = pseudonymizer(session);
    KeyRegister.check(new Lake(session, lake), key, allowDemoKey);
    if (key.isDemo()) {
      command.commandLine().getErr().println(Pseudonymizer.demoWarning());
    }
    return session;
  }

  Pseudonymizer pseudonymizer(SparkSession spark) {
    return Pseudonymizer.fromEnvironment(spark.conf().get(Pseudonymizer.KEY_CONF, null));
  }

  /** The running command's progress (phases and Spark tasks), open from {@link #session} to {@link #close}. */
  Progress progress() {
    return progress;
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
      progress = null;
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }
}

package fr.oref.devenir.lake;

import fr.oref.devenir.contracts.Table;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write of the lake goes through here. When another writer committed to the same table first,
 * Delta refuses the commit (ConcurrentAppendException, ProtocolChangedException, …) and nothing of it
 * is written; each write of {@link Lake} is idempotent (a MERGE to a given content, an insert of the
 * keys still missing, a create if absent), so it is simply run again after a random backoff.
 */
final class Commits {
  static final int ATTEMPTS = 5;
  private static final long FIRST_BACKOFF_MS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

  private Commits() {}

  static void run(Table table, Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        break;
      } catch (RuntimeException e) {
        if (!conflict(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Écriture de " + table.qualifiedName() + " en conflit avec un autre job après "
              + ATTEMPTS + " essais : relancez la commande, elle reprend sans doublon.", e);
        }
        LOG.warn("concurrent commit on {}, attempt {} of {} retried", table.qualifiedName(), attempt, ATTEMPTS);
        pause(attempt);
      }
    }
    CrashPoints.committed();
  }

  static boolean conflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  /** Exponential with jitter, so two writers that collided do not collide again in step. */
  private static void pause(int attempt) {
    long base = FIRST_BACKOFF_MS << (attempt - 1);
    try {
      Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrompu pendant l'attente d'un autre job.", e);
    }
  }
}

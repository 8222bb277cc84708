package fr.oref.devenir.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's lock: one holder, a waiter told once and given up on in French, stale locks of dead jobs taken over. */
class LakeLockTest {
  private static final Configuration CONF = new Configuration();
  private static final Duration NO_WAIT = Duration.ZERO;

  @TempDir Path lake;
  private final List<String> said = new CopyOnWriteArrayList<>();

  private LakeLock acquire(String command, Duration timeout) throws Exception {
    return LakeLock.acquire(CONF, lake.toString(), command, timeout, said::add);
  }

  @Test
  void aHeldLockMakesTheOtherJobWaitThenGiveUpWithAFrenchReason() throws Exception {
    try (LakeLock held = acquire("ingest-leavers", NO_WAIT)) {
      assertTrue(Files.exists(lake.resolve(LakeLock.RELATIVE_PATH)));
      LakeLock.LakeBusyException e = assertThrows(LakeLock.LakeBusyException.class,
          () -> acquire("panel", Duration.ofSeconds(1)));
      assertTrue(e.getMessage().startsWith("Le lac " + lake + " est occupé par « ingest-leavers » (pid "
          + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains(" : abandon après 1 s d'attente ; relancez plus tard, ou si aucun job ne tourne, "
          + "supprimez " + lake + "/_devenir/lock."), e.getMessage());
      assertEquals(1, said.size(), "told once that it waits: " + said);
      assertTrue(said.get(0).startsWith("Le lac est occupé par « ingest-leavers »"), said.get(0));
    }
    assertFalse(Files.exists(lake.resolve(LakeLock.RELATIVE_PATH)), "released on close");
    acquire("panel", NO_WAIT).close();
  }

  @Test
  void theWaiterGoesOnOnceTheHolderIsDone() throws Exception {
    LakeLock held = acquire("close-wave", NO_WAIT);
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<LakeLock> second = CompletableFuture.supplyAsync(() -> {
      try {
        return LakeLock.acquire(CONF, lake.toString(), "indicators", Duration.ofMinutes(5), m -> {
          said.add(m);
          waiting.countDown();
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(waiting.await(1, TimeUnit.MINUTES), "the second job says it waits");
    assertFalse(second.isDone(), "and does not go on while the first holds the lake");
    held.close();
    second.get(1, TimeUnit.MINUTES).close();
  }

  @Test
  void aLockLeftByAKilledJobOfThisHostIsTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    writeLock(dead.pid(), InetAddress.getLocalHost().getHostName());
    acquire("ingest-leavers", NO_WAIT).close();
    assertTrue(said.get(0).contains("« ingest-responses » (pid " + dead.pid()) && said.get(0).contains("verrou repris"),
        said.toString());
  }

  @Test
  void aLockOfAnotherHostIsTakenOverOnlyOnceItsHolderStoppedTouchingIt() throws Exception {
    writeLock(1, "another-host.example");
    assertThrows(LakeLock.LakeBusyException.class, () -> acquire("ingest-leavers", NO_WAIT));
    Path file = lake.resolve(LakeLock.RELATIVE_PATH);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(LakeLock.STALE_AFTER).minusSeconds(60)));
    acquire("ingest-leavers", NO_WAIT).close();
    assertTrue(said.get(said.size() - 1).contains("verrou repris"), said.toString());
  }

  private void writeLock(long pid, String host) throws Exception {
    Path file = lake.resolve(LakeLock.RELATIVE_PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "command=ingest-responses\npid=" + pid + "\nhost=" + host + "\nsince=" + Instant.now() + "\n");
  }
}

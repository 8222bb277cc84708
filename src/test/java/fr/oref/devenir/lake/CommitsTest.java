package fr.oref.devenir.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.ProtocolChangedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A commit refused because another job committed first is run again; anything else is not. */
class CommitsTest {
  @Test
  void aConflictingCommitIsRetriedUntilItGoesThrough() {
    AtomicInteger attempts = new AtomicInteger();
    Commits.run(Table.LEAVERS, () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new ConcurrentAppendException("files were added by a concurrent update");
      }
      if (attempts.get() == 2) {
        // Spark may wrap it: the cause decides
        throw new IllegalStateException("job aborted", new ProtocolChangedException("protocol changed"));
      }
    });
    assertEquals(3, attempts.get());
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    IllegalArgumentException bug = new IllegalArgumentException("not a conflict");
    assertSame(bug, assertThrows(IllegalArgumentException.class, () -> Commits.run(Table.LEAVERS, () -> {
      attempts.incrementAndGet();
      throw bug;
    })));
    assertEquals(1, attempts.get());
  }

  @Test
  void aConflictThatLastsEndsWithAFrenchReason() {
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Commits.run(Table.CONTACTS, () -> {
      attempts.incrementAndGet();
      throw new ConcurrentAppendException("concurrent update");
    }));
    assertEquals(Commits.ATTEMPTS, attempts.get());
    assertTrue(e.getMessage().startsWith("Écriture de silver.contacts en conflit avec un autre job"), e.getMessage());
  }
}

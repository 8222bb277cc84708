package fr.oref.devenir.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one leaver file may cost to read: its size, and the time its parse may take. A file past a
 * limit is refused with a reason instead of holding up, or bringing down, the rest of its batch.
 */
public record ReadLimits(long maxBytes, Duration parseTime) implements Serializable {
  /** A region's largest CFA sends a few MB, read in seconds. */
  public static final ReadLimits DEFAULT = new ReadLimits(200L << 20, Duration.ofMinutes(5));

  /** The moment a parse started now must end. */
  Deadline start() {
    return new Deadline(Instant.now().plus(parseTime), parseTime);
  }

  /** Checked as rows go by: a parse past its time is refused. */
  record Deadline(Instant end, Duration limit) implements Serializable {
    void check() {
      if (Instant.now().isAfter(end)) {
        throw new FileRejected(String.format(Locale.FRANCE, "La lecture du fichier a dépassé %d s : le fichier est "
            + "anormalement lourd ou abîmé, enregistrez-le de nouveau depuis Excel.", limit.toSeconds()));
      }
    }
  }
}

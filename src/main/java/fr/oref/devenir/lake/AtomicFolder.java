package fr.oref.devenir.lake;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder that appears whole or not at all: it is written under a hidden temporary name beside its
 * target, then renamed into place. A rename is atomic on one local or HDFS file system, so a reader
 * sees the previous complete folder, then (for the instant between two renames) none, then the new
 * one — never half of one. On an object store a rename copies file by file: see docs/choices.md.
 * Leftovers of a run killed midway (the hidden folders) are cleared by the next one, and a previous
 * folder moved aside by a run killed just before its last rename is put back.
 */
public final class AtomicFolder {
  private final FileSystem fs;
  private final Path target;
  private final Path staging;

  private AtomicFolder(FileSystem fs, Path target, Path staging) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
  }

  /** Starts a new version of {@code target}; write into {@link #staging()}, then {@link #commit()}. */
  public static AtomicFolder begin(HadoopFiles files, String target) throws IOException {
    Path t = new Path(target);
    FileSystem fs = files.fs(target);
    HadoopFiles.mkdirs(fs, t.getParent());
    Path aside = null;
    for (FileStatus s : fs.listStatus(t.getParent(), p -> p.getName().startsWith(hidden(t, "")))) {
      if (s.getPath().getName().startsWith(hidden(t, "old-")) && !fs.exists(t)) {
        aside = s.getPath();
      } else {
        fs.delete(s.getPath(), true);
      }
    }
    if (aside != null) {
      fs.rename(aside, t);
    }
    return new AtomicFolder(fs, t, new Path(t.getParent(), hidden(t, "tmp-") + UUID.randomUUID()));
  }

  private static String hidden(Path target, String kind) {
    return "." + target.getName() + "." + kind;
  }

  public String staging() {
    return staging.toString();
  }

  public String target() {
    return target.toString();
  }

  /** Puts the staged folder in place of the target; the previous version is deleted once replaced. */
  public void commit() throws IOException {
    CrashPoints.reached("folder-staged");
    Path old = new Path(target.getParent(), hidden(target, "old-") + UUID.randomUUID());
    boolean replacing = fs.exists(target);
    if (replacing && !fs.rename(target, old)) {
      throw new IOException("Impossible de mettre de côté " + target);
    }
    CrashPoints.reached("folder-swapped");
    if (!fs.rename(staging, target)) {
      throw new IOException("Impossible de renommer " + staging + " en " + target);
    }
    if (replacing) {
      fs.delete(old, true);
    }
  }
}

package fr.oref.devenir.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which copy of a referential a result was computed with: file, rows and a hash of its bytes, so a
 * figure can be traced to the nomenclature it used when a newer one replaces it.
 */
public record ReferenceVersion(String file, int rows, String sha256) implements Serializable {
  public static ReferenceVersion of(String resource, int rows) {
    try (InputStream in = ReferenceVersion.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing referential " + resource);
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readAllBytes());
      return new ReferenceVersion(resource, rows, HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return file + " (" + rows + " lignes, sha256 " + sha256 + ")";
  }
}

package fr.oref.devenir.privacy;

import fr.oref.devenir.text.Texts;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous keys for leavers: an HMAC-SHA256 of the cohort, the names and the birth date under
 * a secret key, so analysis tables can be joined without names, and the keys cannot be rebuilt from
 * a list of names without the secret. The same person gets the same key in every run, wave and
 * resubmission (as long as the CFA spells the name and birth date the same way).
 */
public final class Pseudonymizer implements Serializable {
  /** Environment variable holding the secret key (at least 16 characters). */
  public static final String KEY_ENV = "DEVENIR_PSEUDONYMISATION_KEY";
  /** Spark configuration property that may hold it instead (e.g. from a cluster secret). */
  public static final String KEY_CONF = "spark.devenir.pseudonymisationKey";
  static final String DEMO_KEY = "devenir-demo-key-NOT-FOR-PRODUCTION";
  private static final String ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final String FINGERPRINT_LABEL = "devenir|key-fingerprint|v1";

  private final byte[] key;
  private final boolean demo;

  public Pseudonymizer(String key) {
    this(key, false);
  }

  private Pseudonymizer(String key, boolean demo) {
    if (key == null || key.length() < 16) {
      throw new IllegalArgumentException("La clé de pseudonymisation doit compter au moins 16 caractères.");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.demo = demo;
  }

  /** The key from the environment or the Spark conf; the built-in demo key otherwise (see {@link #isDemo}). */
  public static Pseudonymizer fromEnvironment(String confValue) {
    String key = System.getenv(KEY_ENV);
    if (key == null || key.isBlank()) {
      key = confValue;
    }
    return key == null || key.isBlank() ? new Pseudonymizer(DEMO_KEY, true) : new Pseudonymizer(key);
  }

  /** The key of the environment variable named, for a deliberate rotation. */
  public static Pseudonymizer fromVariable(String variable) {
    String key = System.getenv(variable);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("La variable d'environnement " + variable + " est vide ou absente.");
    }
    return new Pseudonymizer(key);
  }

  /** The built-in key, whose secret is in the source code: fine for a sample, never for real people. */
  public boolean isDemo() {
    return demo || DEMO_KEY.equals(new String(key, StandardCharsets.UTF_8));
  }

  /** The French warning shown whenever the demo key is used. */
  public static String demoWarning() {
    return "ATTENTION : clé de pseudonymisation de démonstration utilisée ; définissez " + KEY_ENV
        + " avant de traiter des données réelles.";
  }

  /**
   * Identifies the key without revealing it: an HMAC of a fixed label under the key, so two runs can
   * tell whether they use the same key, and nobody can get the key (or a leaver key) back from it.
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(hmac(FINGERPRINT_LABEL));
  }

  /** The leaver key, or null when the identity is incomplete (such a row is rejected anyway). */
  public String leaverKey(int cohort, String lastName, String firstName, LocalDate birthDate) {
    if (Texts.isBlank(lastName) || Texts.isBlank(firstName) || birthDate == null) {
      return null;
    }
    String identity = cohort + "|" + Texts.key(lastName) + "|" + Texts.key(firstName) + "|" + birthDate;
    return HexFormat.of().formatHex(hmac("leaver|" + identity));
  }

  /**
   * A new key for a leaver whose names are gone (purged cohort), at a key rotation: derived from the
   * old key under the new secret, so the cohort's tables still join and the old secret no longer
   * computes it.
   */
  public String rekeyed(String oldLeaverKey) {
    return HexFormat.of().formatHex(hmac("rekey|" + oldLeaverKey));
  }

  /**
   * ID_SEINE: opaque, short enough to read on the phone (cohort + 10 characters of Crockford base 32),
   * derived from the leaver key so it is stable across waves and resubmissions.
   */
  public String surveyId(int cohort, String leaverKey) {
    if (leaverKey == null) {
      return null;
    }
    byte[] h = hmac("survey-id|" + leaverKey);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (h[i] & 0xFF);
    }
    StringBuilder id = new StringBuilder("C").append(cohort % 100).append('-');
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET.charAt((int) ((bits >>> (59 - 5 * i)) & 31)));
    }
    return id.toString();
  }

  private byte[] hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

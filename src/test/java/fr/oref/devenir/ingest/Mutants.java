package fr.oref.devenir.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Seeded mutations of a valid leaver file, as the fuzz test needs them: the same seed gives the
 * same mutants. Bytes are flipped or cut; a workbook's zip entries are damaged or its XML edited;
 * cells get hostile text; headers are shuffled.
 */
final class Mutants {
  static final List<String> HOSTILE_TEXT = List.of("=HYPERLINK(\"http://x\",\"y\")", "+33", "-1+2", "@SUM(A1)",
      "\t=1", "\r=1", "\"", ";", "\u0000", "</t></is></c>", "&amp;", "&#0;", "x".repeat(40_000), "../../../etc",
      "Ω\uD83D\uDE00", "");
  private static final Pattern ROW_REF = Pattern.compile("r=\"([A-Z]*)(\\d+)\"");

  private final Random random;

  Mutants(long seed) {
    this.random = new Random(seed);
  }

  /** One mutant of a workbook. */
  byte[] xlsx(byte[] valid) {
    return switch (random.nextInt(6)) {
      case 0 -> flip(valid);
      case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length));
      case 2 -> editEntry(valid, this::damage);
      case 3 -> editEntry(valid, xml -> inject(xml, "<t>", "</t>", true));
      case 4 -> editEntry(valid, this::renumber);
      default -> editEntry(valid, xml -> inject(xml, "<v>", "</v>", false));
    };
  }

  /** One mutant of a CSV. */
  byte[] csv(String valid) {
    return switch (random.nextInt(5)) {
      case 0 -> flip(valid.getBytes(StandardCharsets.UTF_8));
      case 1 -> Arrays.copyOf(valid.getBytes(StandardCharsets.UTF_8), random.nextInt(valid.length()));
      case 2 -> shuffleHeader(valid).getBytes(StandardCharsets.UTF_8);
      case 3 -> injectField(valid).getBytes(StandardCharsets.UTF_8);
      default -> valid.replace("\n", random.nextBoolean() ? "\r" : "\r\r\n").getBytes(random.nextBoolean()
          ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
    };
  }

  private byte[] flip(byte[] bytes) {
    byte[] b = bytes.clone();
    for (int i = 1 + random.nextInt(20); i > 0; i--) {
      b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return b;
  }

  /** Deletes, duplicates or garbles a stretch of an XML part. */
  private String damage(String xml) {
    int from = random.nextInt(xml.length());
    int to = Math.min(xml.length(), from + random.nextInt(200));
    return switch (random.nextInt(3)) {
      case 0 -> xml.substring(0, from) + xml.substring(to);
      case 1 -> xml.substring(0, to) + xml.substring(from, to) + xml.substring(to);
      default -> xml.substring(0, from) + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;" + xml.substring(to);
    };
  }

  /** Replaces the content of one element with hostile text (escaped as XML or not). */
  private String inject(String xml, String open, String close, boolean escape) {
    List<Integer> starts = new ArrayList<>();
    for (int i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 1)) {
      starts.add(i + open.length());
    }
    if (starts.isEmpty()) {
      return xml;
    }
    int start = starts.get(random.nextInt(starts.size()));
    int end = xml.indexOf(close, start);
    String text = HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
    String value = escape ? text.replace("&", "&amp;").replace("<", "&lt;") : text;
    return xml.substring(0, start) + value + xml.substring(end);
  }

  /** Gives one row or cell reference another number: out of order, repeated, zero, huge or letters only. */
  private String renumber(String xml) {
    Matcher m = ROW_REF.matcher(xml);
    List<int[]> refs = new ArrayList<>();
    while (m.find()) {
      refs.add(new int[] {m.start(2), m.end(2)});
    }
    if (refs.isEmpty()) {
      return xml;
    }
    int[] ref = refs.get(random.nextInt(refs.size()));
    String number = List.of("0", "-3", "1", "2", "99999999", "2147483648", "ZZZZZZ", "").get(random.nextInt(8));
    return xml.substring(0, ref[0]) + number + xml.substring(ref[1]);
  }

  private interface Edit {
    String apply(String xml);
  }

  private byte[] editEntry(byte[] zip, Edit edit) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
      List<String> xml = entries.keySet().stream().filter(n -> n.endsWith(".xml")).toList();
      // the sheet most often: that is where the rows are
      String target = random.nextInt(3) > 0 && entries.containsKey(Workbooks.SHEET) ? Workbooks.SHEET
          : xml.get(random.nextInt(xml.size()));
      entries.put(target, edit.apply(new String(entries.get(target), StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          out.putNextEntry(new ZipEntry(e.getKey()));
          out.write(e.getValue());
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String shuffleHeader(String csv) {
    int eol = csv.indexOf('\n');
    List<String> header = new ArrayList<>(Arrays.asList(csv.substring(0, eol).split(";", -1)));
    Collections.shuffle(header, random);
    return String.join(";", header) + csv.substring(eol);
  }

  private String injectField(String csv) {
    List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
    int line = 1 + random.nextInt(lines.size() - 2);
    List<String> fields = new ArrayList<>(Arrays.asList(lines.get(line).split(";", -1)));
    fields.set(random.nextInt(fields.size()), HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
    lines.set(line, String.join(";", fields));
    return String.join("\n", lines);
  }
}

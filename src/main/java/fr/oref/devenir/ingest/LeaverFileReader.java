package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.text.Texts;
import fr.oref.devenir.values.Uai;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one leaver file (.xlsx or .csv) into data rows keyed by contract field. It finds the data
 * sheet and the header row itself, and turns every way a file can be unreadable into a FAILED
 * summary with a French reason instead of an exception: one bad file never stops a batch.
 */
public final class LeaverFileReader implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaverFileReader.class);
  private final HeaderMatcher matcher;
  private final ReadLimits limits;

  /** One data row: its sheet, its row number as the CFA sees it, and its non-blank cells by field. */
  public record DataRow(String sheet, int rowNumber, Map<String, String> cells) implements Serializable {}

  public LeaverFileReader(LeaverFileContract contract, ReadLimits limits) {
    this.matcher = new HeaderMatcher(contract);
    this.limits = limits;
  }

  /**
   * @param file a local copy of the file
   * @param name the name the CFA gave it (for messages and the CSV "sheet")
   */
  public FileSummary read(File file, String name, Consumer<DataRow> out) {
    long size = file.length();
    if (size == 0) {
      return FileSummary.failed("EMPTY", "Le fichier est vide.");
    }
    if (size > limits.maxBytes()) {
      return FileSummary.failed("TOO_LARGE", String.format(Locale.FRANCE,
          "Le fichier fait %d Mo, au-delà de la limite de %d Mo : découpez-le ou supprimez les feuilles inutiles.",
          size >> 20, limits.maxBytes() >> 20));
    }
    ReadLimits.Deadline deadline = limits.start();
    try {
      FileMagic magic;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
        magic = FileMagic.valueOf(in);
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (magic == FileMagic.OOXML) {
        return readXlsx(file, deadline, out);
      }
      if (magic == FileMagic.OLE2) {
        return isEncrypted(file)
            ? FileSummary.failed("XLSX_ENCRYPTED", "Le classeur est protégé par mot de passe : "
                + "enregistrez-le sans mot de passe puis renvoyez-le.")
            : FileSummary.failed("XLS", "Ancien format Excel (.xls) : enregistrez le fichier au format .xlsx.");
      }
      if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
        return readCsv(file, name, deadline, out);
      }
      return FileSummary.failed("UNKNOWN", "Le fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV, "
          + "malgré son nom : enregistrez-le au format .xlsx depuis Excel.");
    } catch (FileRejected e) {
      return FileSummary.failed("REFUSED", e.getMessage());
    } catch (Exception e) {
      return FileSummary.failed("CORRUPT", unreadable(e));
    }
  }

  private static boolean isEncrypted(File file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
      return fs.getRoot().hasEntry("EncryptionInfo");
    } catch (IOException e) {
      return false;
    }
  }

  private static String unreadable(Exception e) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("zip bomb")) {
      return "Le classeur est anormalement compressé (possible « bombe zip ») : il n'a pas été ouvert.";
    }
    // the class only, for whoever maintains the reader: a library's message may quote a cell
    LOG.info("Fichier illisible : {}", e.getClass().getName());
    return "Le fichier est illisible (fichier abîmé, incomplet, ou contenu qu'Excel n'écrit pas) : "
        + "enregistrez-le de nouveau depuis Excel.";
  }

  private FileSummary readXlsx(File file, ReadLimits.Deadline deadline, Consumer<DataRow> out) throws Exception {
    try (XlsxReader xlsx = new XlsxReader(file)) {
      return readXlsx(xlsx, deadline, out);
    }
  }

  private FileSummary readXlsx(XlsxReader xlsx, ReadLimits.Deadline deadline, Consumer<DataRow> out) throws Exception {
    Map<String, HeaderProbe> probes = new LinkedHashMap<>();
    xlsx.read(sheet -> probes.computeIfAbsent(sheet, s -> new HeaderProbe(deadline)));
    Map<String, HeaderProbe> candidates = new LinkedHashMap<>();
    probes.forEach((sheet, probe) -> {
      if (probe.mapping != null) {
        candidates.put(sheet, probe);
      }
    });
    String chosen = candidates.keySet().stream()
        .filter(s -> Texts.key(s).equals(Texts.key(LeaverFileContract.SHEET)))
        .findFirst()
        .orElse(candidates.size() == 1 ? candidates.keySet().iterator().next() : null);
    if (chosen == null) {
      return FileSummary.failed("XLSX", candidates.isEmpty()
          ? noHeader()
          : "Plusieurs feuilles ressemblent à la liste des sortants (" + candidates.keySet().stream()
              .map(s -> Texts.excerpt(s, XlsxReader.SHEET_NAME_MAX)).collect(Collectors.joining(", "))
              + ") : nommez « " + LeaverFileContract.SHEET + " » celle à charger.");
    }
    DataSink sink = new DataSink(Texts.excerpt(chosen, XlsxReader.SHEET_NAME_MAX), candidates.get(chosen), deadline, out);
    xlsx.read(sheet -> sheet.equals(chosen) ? sink : null);
    return sink.summary("XLSX");
  }

  private FileSummary readCsv(File file, String name, ReadLimits.Deadline deadline, Consumer<DataRow> out)
      throws IOException {
    HeaderProbe probe = new HeaderProbe(deadline);
    CsvReader.read(file, probe);
    if (probe.mapping == null) {
      return FileSummary.failed("CSV", noHeader());
    }
    DataSink sink = new DataSink(new File(name).getName(), probe, deadline, out);
    CsvReader.read(file, sink);
    return sink.summary("CSV");
  }

  private static String noHeader() {
    return "Aucune ligne d'en-tête reconnue (Nom, Prénom, Code diplôme…) dans les "
        + (HeaderMatcher.MAX_TITLE_ROWS + 1) + " premières lignes : utilisez le modèle de fichier fourni.";
  }

  /** Looks for the header among the first rows of a sheet: the row that names the most contract columns. */
  private final class HeaderProbe implements RowSink {
    private final ReadLimits.Deadline deadline;
    private Integer headerRow;
    private HeaderMatcher.Mapping mapping;

    HeaderProbe(ReadLimits.Deadline deadline) {
      this.deadline = deadline;
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
      deadline.check();
      if (rowNumber > HeaderMatcher.MAX_TITLE_ROWS + 1) {
        throw new StopReading();
      }
      HeaderMatcher.Mapping candidate = matcher.map(cells);
      if (matcher.isHeader(candidate) && (mapping == null || candidate.matched() > mapping.matched())) {
        headerRow = rowNumber;
        mapping = candidate;
      }
    }
  }

  /**
   * Emits the rows under the header, blank rows skipped, and votes on the file's CFA. A row with
   * text only outside the recognised columns is still a row read: it is emitted with no fields,
   * so it ends rejected with a reason rather than silently dropped.
   */
  private static final class DataSink implements RowSink {
    private final String sheet;
    private final HeaderProbe header;
    private final ReadLimits.Deadline deadline;
    private final Consumer<DataRow> out;
    private final Map<String, Integer> cfaVotes = new HashMap<>();
    private int rows;

    DataSink(String sheet, HeaderProbe header, ReadLimits.Deadline deadline, Consumer<DataRow> out) {
      this.sheet = sheet;
      this.header = header;
      this.deadline = deadline;
      this.out = out;
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
      deadline.check();
      if (rowNumber <= header.headerRow || cells.stream().allMatch(c -> Texts.clean(c) == null)) {
        return;
      }
      Map<String, String> values = new HashMap<>();
      header.mapping.fieldByColumn().forEach((column, field) -> {
        String value = column < cells.size() ? Texts.clean(cells.get(column)) : null;
        if (value != null) {
          values.put(field, value);
        }
      });
      rows++;
      String uai = Uai.normalise(values.get("uai_cfa"));
      if (Uai.isValid(uai)) {
        cfaVotes.merge(uai, 1, Integer::sum);
      }
      out.accept(new DataRow(sheet, rowNumber, values));
    }

    FileSummary summary(String format) {
      String cfa = cfaVotes.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(null);
      HeaderMatcher.Mapping m = header.mapping;
      return new FileSummary(format, sheet, header.headerRow, List.copyOf(m.fieldByColumn().values()),
          m.extraHeaders(), m.missingHeaders(), rows, cfa, LeaverFileStatus.OK, null);
    }
  }
}

package fr.oref.devenir.sample;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
import fr.oref.devenir.values.Siret;
import fr.oref.devenir.values.Uai;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Leaver files of a synthetic campaign shaped like Normandy: real CFA UAIs first (then valid synthetic
 * ones in départements 14, 27, 50, 61, 76, or in every département of France for a national campaign),
 * skewed CFA sizes, real CFD–RNCP pairs from CAP to master,
 * and the defects real files have, injected at known rates and listed in the manifest.
 */
public final class LeaverSample {
  private static final String[] DEPARTMENTS = {"014", "027", "050", "061", "076"};
  /** More CFAs than any region has (Auvergne-Rhône-Alpes, the largest, has about 250): a national campaign. */
  private static final int NATIONAL_CFAS = 300;
  private static final String[] LEVEL_TYPES = {"500", "450", "400", "320", "250", "135"};
  private static final double[] LEVEL_SHARES = {0.32, 0.10, 0.18, 0.20, 0.12, 0.08};
  private static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
      "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier",
      "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure",
      "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
      "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
      "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
      "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Le Goff",
      "Le Gall", "Hébert", "Lecomte", "Lemoine", "Lebrun", "Leclerc", "Vasseur", "Jacquet", "Poulain"};
  private static final String[] FIRST_F = {"Emma", "Léa", "Chloé", "Manon", "Inès", "Jade", "Lina", "Zoé", "Camille",
      "Sarah", "Louise", "Lola", "Clara", "Ambre", "Anaïs", "Océane", "Maëlys", "Juliette", "Lucie", "Romane"};
  private static final String[] FIRST_M = {"Lucas", "Hugo", "Louis", "Nathan", "Enzo", "Théo", "Mathis", "Tom",
      "Noah", "Gabriel", "Jules", "Arthur", "Léo", "Raphaël", "Maël", "Ethan", "Clément", "Baptiste", "Maxime", "Noé"};

  /** A leaver as generated (before any defect), for the survey simulation. */
  public record Leaver(String uaiCfa, String uaiSite, String lastName, String firstName, String sex, LocalDate birthDate,
      String cfd, String rncp, String label, LocalDate trainingEnd, boolean repeating) {}

  /** One injected defect, as the manifest lists it. */
  public record Defect(String file, String sheet, int row, String column, String defect, String detail) {}

  /** One file written: its CFA and its data rows. */
  public record FileWritten(String file, String uaiCfa, int rows) {}

  private record Diploma(String cfd, String rncp, String label) {}

  private final int cohort;
  private final int cfas;
  private final int leavers;
  private final Random random;
  private final List<Leaver> generated = new ArrayList<>();
  private final List<Defect> defects = new ArrayList<>();
  private final List<FileWritten> files = new ArrayList<>();

  public LeaverSample(int cohort, int cfas, int leavers, long seed) {
    this.cohort = cohort;
    this.cfas = cfas;
    this.leavers = leavers;
    this.random = new Random(seed);
  }

  public List<Leaver> leavers() {
    return generated;
  }

  public List<Defect> defects() {
    return defects;
  }

  public List<FileWritten> files() {
    return files;
  }

  /** Writes the files to {@code dir} and the manifest (the defects, the rows per file) to {@code manifestDir}. */
  public void write(Path dir, Path manifestDir) throws IOException {
    Files.createDirectories(dir);
    List<String> uais = cfaUais();
    Map<String, List<Diploma>> diplomas = diplomasByType();
    List<String> postalCodes = Csv.readResource("reference/communes_codes_postaux_normandie_2022.csv").stream()
        .map(r -> r.get("code_postal")).distinct().sorted().toList();
    int[] sizes = sizes();
    DefectiveFiles drift = new DefectiveFiles(cohort, random, defects, files);
    Set<String> identities = new HashSet<>();
    for (int c = 0; c < cfas; c++) {
      String uai = uais.get(c);
      List<String> sites = new ArrayList<>(List.of(uai));
      for (int s = 1; s < 1 + random.nextInt(4); s++) {
        sites.add(syntheticUai(uai.substring(0, 3)));
      }
      List<Diploma> offer = new ArrayList<>();
      for (int d = 0; d < 2 + random.nextInt(6); d++) {
        List<Diploma> ofType = diplomas.get(LEVEL_TYPES[pick(LEVEL_SHARES)]);
        offer.add(ofType.get(random.nextInt(ofType.size())));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < sizes[c]; i++) {
        rows.add(leaverRow(uai, sites, offer, postalCodes, identities));
      }
      drift.writeCfa(dir, c, uai, rows);
    }
    drift.writeBadFiles(dir);
    writeManifest(manifestDir);
  }

  List<String> cfaUais() {
    List<String> uais = new ArrayList<>(Csv.readResource("reference/acce_cfa_normandie_2021.csv").stream()
        .map(r -> r.get("numero_uai")).filter(Uai::isValid).distinct().sorted().toList());
    Collections.shuffle(uais, random);
    List<String> departments = cfas > NATIONAL_CFAS ? frenchDepartments() : List.of(DEPARTMENTS);
    while (uais.size() < cfas) {
      uais.add(syntheticUai(departments.get(random.nextInt(departments.size()))));
    }
    return uais.subList(0, cfas);
  }

  /** Metropolitan and overseas départements whose code opens a UAI (Corsica's UAIs do not start with 02A/02B). */
  private static List<String> frenchDepartments() {
    return Csv.readResource("reference/departements_academies_regions.csv").stream().map(r -> r.get("codeDepartement"))
        .filter(d -> d.matches("0\\d\\d|97[1-6]")).sorted().toList();
  }

  private String syntheticUai(String department) {
    return Uai.of(department + String.format("%04d", random.nextInt(10_000)));
  }

  private Map<String, List<Diploma>> diplomasByType() {
    Map<String, List<Diploma>> byType = new LinkedHashMap<>();
    for (Map<String, String> r : Csv.readResource("reference/kit_apprentissage_cfd_rncp_2024-04-26.csv")) {
      String cfd = r.get("Code Diplôme");
      if ("ACTIVE".equals(r.get("Fiche ACTIVE/INACTIVE")) && cfd.length() == 8) {
        byType.computeIfAbsent(cfd.substring(0, 3), k -> new ArrayList<>())
            .add(new Diploma(cfd, r.get("FicheRNCP"), r.get("Intitulé diplôme (DEPP)")));
      }
    }
    return byType;
  }

  /** A few big CFAs and many small ones (Zipf-like), summing exactly to the leavers asked for. */
  private int[] sizes() {
    double[] weights = new double[cfas];
    double total = 0;
    for (int i = 0; i < cfas; i++) {
      weights[i] = 1 / Math.pow(i + 1, 0.8);
      total += weights[i];
    }
    int[] sizes = new int[cfas];
    int assigned = 0;
    for (int i = 0; i < cfas; i++) {
      sizes[i] = Math.max(1, (int) Math.floor(leavers * weights[i] / total));
      assigned += sizes[i];
    }
    for (int i = 0; assigned < leavers; i = (i + 1) % cfas, assigned++) {
      sizes[i]++;
    }
    for (int i = cfas - 1; assigned > leavers; i = (i + cfas - 1) % cfas) {
      if (sizes[i] > 1) {
        sizes[i]--;
        assigned--;
      }
    }
    return sizes;
  }

  private List<Object> leaverRow(String uai, List<String> sites, List<Diploma> offer, List<String> postalCodes,
      Set<String> identities) {
    boolean female = random.nextDouble() < 0.42;
    String first;
    String last;
    LocalDate birth;
    LocalDate end = LocalDate.of(cohort, 6, 15).plusDays(random.nextInt(35));
    do {
      first = (female ? FIRST_F : FIRST_M)[random.nextInt(FIRST_F.length)];
      last = LAST[random.nextInt(LAST.length)];
      int age = random.nextDouble() < 0.93 ? 17 + random.nextInt(9) : 26 + random.nextInt(12);
      birth = end.minusYears(age).minusDays(random.nextInt(365));
    } while (!identities.add(Texts.key(last) + Texts.key(first) + birth));
    Diploma diploma = offer.get(random.nextInt(offer.size()));
    int years = diploma.cfd().startsWith("250") ? 1 : 2;
    LocalDate start = LocalDate.of(cohort - years, 9, 1).plusDays(random.nextInt(20));
    LocalDate contractStart = start.plusDays(random.nextInt(30));
    LocalDate contractBreak = random.nextDouble() < 0.15
        ? contractStart.plusDays(30 + random.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(contractStart, end) - 30))
        : null;
    boolean repeating = random.nextDouble() < 0.03;
    String site = sites.get(random.nextInt(sites.size()));
    generated.add(new Leaver(uai, site, last, first, female ? "F" : "M", birth, diploma.cfd(), diploma.rncp(),
        diploma.label(), end, repeating));
    String mobile = "06" + String.format("%08d", random.nextInt(100_000_000));
    List<Object> row = new ArrayList<>();
    for (LeaverColumn column : LeaverFileContract.get().columns()) {
      row.add(switch (column.field()) {
        case "uai_cfa" -> uai;
        case "uai_site" -> site;
        case "ine" -> random.nextDouble() < 0.6 ? String.format("%010d", random.nextInt(1_000_000_000)) + "K" : null;
        case "last_name" -> last.toUpperCase();
        case "first_name" -> first;
        case "sex" -> female ? "F" : "M";
        case "birth_date" -> birth;
        case "address" -> (1 + random.nextInt(80)) + " rue de la République";
        case "postal_code" -> postalCodes.get(random.nextInt(postalCodes.size()));
        case "city" -> "";
        case "email" -> random.nextDouble() < 0.85 ? Texts.key(first) + "." + Texts.key(last) + "@exemple.fr" : null;
        case "mobile" -> mobile.substring(0, 2) + " " + mobile.substring(2, 4) + " " + mobile.substring(4, 6) + " "
            + mobile.substring(6, 8) + " " + mobile.substring(8);
        case "phone2" -> null;
        case "cfd" -> diploma.cfd();
        case "rncp" -> diploma.rncp();
        case "training_label" -> diploma.label();
        case "training_start" -> start;
        case "training_end" -> end;
        case "contract_start" -> contractStart;
        case "contract_break" -> contractBreak;
        case "diploma_obtained" -> new String[] {"Oui", "Non", "Inconnu"}[pick(new double[] {0.75, 0.15, 0.10})];
        case "repeating" -> repeating ? "Oui" : "Non";
        case "employer_siret" -> Siret.complete(String.format("%09d", 300_000_000 + random.nextInt(600_000_000))
            + String.format("%04d", random.nextInt(10_000)));
        default -> null;
      });
    }
    return row;
  }

  private int pick(double[] shares) {
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < shares.length; i++) {
      acc += shares[i];
      if (u < acc) {
        return i;
      }
    }
    return shares.length - 1;
  }

  private void writeManifest(Path dir) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("manifest.csv"))) {
      Csv.writeRecord(w, List.of("file", "sheet", "row", "column", "defect", "detail"));
      for (Defect d : defects) {
        Csv.writeRecord(w, List.of(d.file(), d.sheet(), String.valueOf(d.row()), d.column(), d.defect(), d.detail()));
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("manifest-summary.csv"))) {
      Csv.writeRecord(w, List.of("file", "uai_cfa", "rows"));
      for (FileWritten f : files) {
        Csv.writeRecord(w, List.of(f.file(), f.uaiCfa(), String.valueOf(f.rows())));
      }
    }
  }
}

package fr.oref.devenir.sample;

import fr.oref.devenir.reference.CertifInfo;
import fr.oref.devenir.reference.RomeTitles;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Survey exports of both waves for a synthetic campaign, as the survey tool would return them:
 * about 70 % response varying by CFA, level and sex (so weighting matters), every SITUATION and
 * CONTRAT code, job titles from the ROME referential with spelling variants and typos, free texts
 * that call for misrouting corrections, and defects at known rates, each listed in the manifest.
 */
public final class SurveySample {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
  /** Free texts for SITUATION 6, with the code a statistician would correct to (0 = stays OTHER). */
  private static final String[][] OTHER_TEXTS = {
      {"je suis en contrat pro", "2"}, {"apprenti en BTS", "2"}, {"alternance chez un opticien", "2"},
      {"CDI depuis mars", "1"}, {"intérim", "1"}, {"petit job en attendant", "1"},
      {"service civique", "0"}, {"voyage à l'étranger", "0"}, {"congé maternité", "0"}};

  /** What the generator needs to know of a leaver to simulate its answers. */
  public record Target(String leaverId, String uaiCfa, String level, String sex, String cfd, LocalDate trainingEnd) {}

  /** One defect injected in an export. */
  public record Defect(String file, int row, String column, String defect, String detail) {}

  private final int cohort;
  private final Random random;
  private final RomeTitles titles = RomeTitles.load();
  private final CertifInfo certifInfo = CertifInfo.load();
  private final List<String> columns = Csv.readResource("data-schemas/survey-export.csv").stream()
      .map(r -> r.get("column")).toList();
  private final Map<String, Double> cfaEffect = new HashMap<>();
  private final List<Defect> defects = new ArrayList<>();

  public SurveySample(int cohort, long seed) {
    this.cohort = cohort;
    this.random = new Random(seed);
  }

  public List<Defect> defects() {
    return defects;
  }

  /**
   * Writes the V1 export (UTF-8) and the V2 export (Windows-1252, as some survey tools do) of the
   * panel; V2 follows SPEC §1: everyone but those in further study or who refused at V1.
   */
  public void write(List<Target> panel, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Integer> v1Situation = new HashMap<>();
    Set<String> refusedV1 = new java.util.HashSet<>();
    List<Map<String, String>> v1 = new ArrayList<>();
    for (Target t : panel) {
      Map<String, String> answer = answer(t, 1);
      v1.add(answer);
      if ("Refus".equals(answer.get("STATUT"))) {
        refusedV1.add(t.leaverId());
      }
      v1Situation.put(t.leaverId(), trueSituation(answer));
    }
    writeExport(dir.resolve("export_C" + cohort + "_V1.csv"), v1, java.nio.charset.StandardCharsets.UTF_8);
    List<Map<String, String>> v2 = new ArrayList<>();
    for (Target t : panel) {
      int s = v1Situation.getOrDefault(t.leaverId(), 0);
      if (s != 2 && s != 3 && !refusedV1.contains(t.leaverId())) {
        v2.add(answer(t, 2));
      }
    }
    writeExport(dir.resolve("export_C" + cohort + "_V2.csv"), v2, Charset.forName("windows-1252"));
  }

  /** The situation after the corrections a statistician would make (what V2's panel rule sees). */
  private static int trueSituation(Map<String, String> a) {
    String s = a.getOrDefault("SITUATION", "");
    if (s.isEmpty()) {
      return 0;
    }
    if ("3".equals(s) && "1".equals(a.get("STATUT_FORMATION"))) {
      return 2;
    }
    if ("6".equals(s)) {
      for (String[] o : OTHER_TEXTS) {
        if (o[0].equals(a.get("SITUATION_AUTRE")) && !"0".equals(o[1])) {
          return Integer.parseInt(o[1]);
        }
      }
    }
    return s.matches("[1-6]") ? Integer.parseInt(s) : 0;
  }

  private double responseProbability(Target t, int wave) {
    double cfa = cfaEffect.computeIfAbsent(t.uaiCfa(), k -> 0.75 + 0.45 * random.nextDouble());
    double level = switch (t.level()) {
      case "3" -> 0.88;
      case "4" -> 0.97;
      case "6", "7" -> 1.08;
      default -> 1.0;
    };
    double sex = "F".equals(t.sex()) ? 1.06 : 0.94;
    return Math.min(0.97, 0.70 * cfa * level * sex * (wave == 2 ? 0.95 : 1.0));
  }

  private Map<String, String> answer(Target t, int wave) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("ID_SEINE", t.leaverId());
    LocalDate collectionStart = wave == 1 ? LocalDate.of(cohort + 1, 2, 1) : LocalDate.of(cohort + 1, 7, 1);
    LocalDate reference = wave == 1 ? LocalDate.of(cohort + 1, 1, 31) : LocalDate.of(cohort + 1, 6, 30);
    if (random.nextDouble() >= responseProbability(t, wave)) {
      a.put("STATUT", random.nextDouble() < 0.15 ? "Refus" : "En attente");
      return a;
    }
    boolean partial = random.nextDouble() < 0.08;
    a.put("STATUT", partial ? "Partiel" : "Complet");
    a.put("MODE", random.nextDouble() < 0.7 ? "Web" : "Téléphone");
    a.put("DATE_REPONSE", collectionStart.plusDays(random.nextInt(85)).format(DAY));
    if (partial && random.nextBoolean()) {
      return a;
    }
    int situation = situation(t.level(), wave);
    a.put("SITUATION", String.valueOf(situation));
    switch (situation) {
      case 1 -> employment(a, t, reference);
      case 2 -> study(a, "1", "BTS " + t.cfd().substring(3, 6));
      case 3 -> study(a, random.nextDouble() < 0.15 ? "1" : "2", random.nextBoolean() ? "Licence pro" : "Bac pro");
      case 4 -> {
        a.put("DUREE_RECHERCHE", String.valueOf(1 + random.nextInt(8)));
        pastJob(a, t, reference);
      }
      case 6 -> a.put("SITUATION_AUTRE", OTHER_TEXTS[random.nextInt(OTHER_TEXTS.length)][0]);
      default -> pastJob(a, t, reference);
    }
    a.put("SATISFACTION", random.nextDouble() < 0.05 ? "" : String.valueOf(1 + weighted(0.35, 0.45, 0.14, 0.06)));
    a.put("DIPLOME_OBTENU", String.valueOf(1 + weighted(0.78, 0.12, 0.10)));
    return a;
  }

  private int situation(String level, int wave) {
    double studyShift = "3".equals(level) || "4".equals(level) ? 0.08 : -0.04;
    int s = 1 + weighted(0.58 - studyShift + (wave == 2 ? 0.05 : 0), 0.12 + studyShift, 0.08, 0.13, 0.04, 0.05);
    return s;
  }

  private void employment(Map<String, String> a, Target t, LocalDate reference) {
    a.put("CONTRAT", String.valueOf(1 + weighted(0.38, 0.05, 0.17, 0.14, 0.12, 0.06, 0.04, 0.04)));
    a.put("TEMPS_TRAVAIL", random.nextDouble() < 0.88 ? "1" : "2");
    RomeTitles.Title title = jobTitle(t.cfd());
    a.put("INTITULE_EMPLOI", variant(title.label()));
    if (random.nextDouble() < 0.10) {
      a.put("CODE_ROME", title.romeCode());
    }
    a.put("MEME_ENTREPRISE", random.nextDouble() < 0.42 ? "1" : "2");
    a.put("LIEN_FORMATION", String.valueOf(1 + weighted(0.45, 0.25, 0.15, 0.15)));
    a.put("EMPLOI_DEPUIS_SORTIE", "1");
    a.put("DATE_PREMIER_EMPLOI", firstJob(t.trainingEnd(), reference).format(MONTH));
  }

  private void pastJob(Map<String, String> a, Target t, LocalDate reference) {
    boolean had = random.nextDouble() < 0.35;
    a.put("EMPLOI_DEPUIS_SORTIE", had ? "1" : "2");
    if (had) {
      a.put("DATE_PREMIER_EMPLOI", firstJob(t.trainingEnd(), reference).format(MONTH));
    }
  }

  private void study(Map<String, String> a, String status, String training) {
    a.put("FORMATION_SUIVIE", training);
    a.put("STATUT_FORMATION", status);
  }

  /** Most first jobs start within a few months of leaving; some before it (kept by the employer). */
  private YearMonth firstJob(LocalDate trainingEnd, LocalDate reference) {
    YearMonth end = YearMonth.from(trainingEnd);
    int span = (int) java.time.temporal.ChronoUnit.MONTHS.between(end, YearMonth.from(reference));
    int offset = (int) Math.min(span, Math.floor(-Math.log(1 - random.nextDouble()) * 2.5)) - (random.nextDouble() < 0.2 ? 1 : 0);
    return end.plusMonths(offset);
  }

  /** A title of a job the diploma leads to most of the time, any title otherwise. */
  private RomeTitles.Title jobTitle(String cfd) {
    List<String> romes = new ArrayList<>(certifInfo.romeCodes(cfd));
    java.util.Collections.sort(romes);
    if (!romes.isEmpty() && random.nextDouble() < 0.7) {
      List<RomeTitles.Title> options = titles.ofRome(romes.get(random.nextInt(romes.size())));
      if (!options.isEmpty()) {
        return options.get(random.nextInt(options.size()));
      }
    }
    return titles.titles().get(random.nextInt(titles.titles().size()));
  }

  /** How people type a title: one gender form, case, accents dropped, a plural, a typo. */
  private String variant(String label) {
    String[] forms = label.split(" / ");
    String s = forms[random.nextInt(forms.length)];
    double r = random.nextDouble();
    if (r < 0.2) {
      s = s.toLowerCase();
    } else if (r < 0.3) {
      s = s.toUpperCase();
    } else if (r < 0.4) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    } else if (r < 0.45) {
      s = s + "s";
    } else if (r < 0.52 && s.length() > 6) {
      int i = 2 + random.nextInt(s.length() - 4);
      s = s.substring(0, i) + s.substring(i + 1);
    }
    return s;
  }

  private int weighted(double... p) {
    double u = random.nextDouble();
    double total = 0;
    for (double x : p) {
      total += x;
    }
    double acc = 0;
    for (int i = 0; i < p.length; i++) {
      acc += p[i] / total;
      if (u < acc) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** Writes an export, injecting unknown and duplicated IDs, invalid codes and impossible dates. */
  private void writeExport(Path file, List<Map<String, String>> rows, Charset charset) throws IOException {
    List<Map<String, String>> out = new ArrayList<>(rows);
    String name = file.getFileName().toString();
    for (int i = 0; i < Math.max(1, rows.size() / 300); i++) {
      Map<String, String> copy = new LinkedHashMap<>(rows.get(random.nextInt(rows.size())));
      out.add(random.nextInt(out.size()), copy);
      Map<String, String> stranger = new LinkedHashMap<>(Map.of("ID_SEINE", "C" + cohort % 100 + "-INCONNU" + i,
          "STATUT", "Complet", "SITUATION", "1"));
      out.add(random.nextInt(out.size()), stranger);
    }
    for (int i = 0; i < Math.max(1, rows.size() / 200); i++) {
      Map<String, String> row = out.get(random.nextInt(out.size()));
      if (row.containsKey("SITUATION") && !row.get("ID_SEINE").contains("INCONNU")) {
        row.put("SITUATION", "9");
      }
      Map<String, String> other = out.get(random.nextInt(out.size()));
      if (other.containsKey("DATE_REPONSE") && !other.get("ID_SEINE").contains("INCONNU")) {
        other.put("DATE_REPONSE", "31/02/" + (cohort + 1));
      }
    }
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), charset)) {
      Csv.writeRecord(w, columns);
      Map<String, Integer> seen = new HashMap<>();
      for (int r = 0; r < out.size(); r++) {
        Map<String, String> row = out.get(r);
        int line = r + 2;
        String id = row.get("ID_SEINE");
        if (id.contains("INCONNU")) {
          defects.add(new Defect(name, line, "ID_SEINE", "unknown_id", "identifiant absent du panel"));
        } else if (seen.containsKey(id)) {
          defects.add(new Defect(name, line, "ID_SEINE", "duplicated_id", "déjà à la ligne " + seen.get(id)));
        }
        seen.putIfAbsent(id, line);
        if ("9".equals(row.get("SITUATION"))) {
          defects.add(new Defect(name, line, "SITUATION", "invalid_code", "9"));
        }
        if (row.getOrDefault("DATE_REPONSE", "").startsWith("31/02")) {
          defects.add(new Defect(name, line, "DATE_REPONSE", "impossible_date", row.get("DATE_REPONSE")));
        }
        Csv.writeRecord(w, columns.stream().map(c -> row.getOrDefault(c, "")).toList());
      }
    }
  }
}

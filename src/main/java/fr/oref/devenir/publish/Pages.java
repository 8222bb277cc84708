package fr.oref.devenir.publish;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.reference.DiplomaTypes;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.IndicatorResult;
import fr.oref.devenir.stats.Rounding;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The pages of a publication — the regional key figures, one page per CFA and per diploma — as one
 * model rendered by one template: the web site shows it, and the PDF reports are the same XHTML
 * printed by openhtmltopdf. Every figure is the text of {@link Formats}, so Excel, PDF and HTML
 * agree with gold.indicators by construction, and the consistency test checks it.
 */
public final class Pages {
  /** The rates of breakdown tables, left to right. */
  static final List<String> SUMMARY = List.of("response_rate", "employment_rate", "further_study_rate", "neet_rate",
      "lasting_job_rate", IndicatorCatalog.MEDIAN);
  /** The rates the entity charts compare with the region's. */
  static final List<String> CHARTED = List.of("employment_rate", "further_study_rate", "neet_rate", "lasting_job_rate",
      "related_job_rate");
  private static final Template TEMPLATE = template();
  private static final String COMPARABLE = "Les taux suivis de « (InserJeunes) » reprennent les définitions "
      + "d'InserJeunes et sont publiés à côté des nôtres ; leur base est précisée dans « Définitions et méthodes ».";

  public record Link(String text, String href) {}

  public record Line(Link head, List<String> cells) {}

  public record Table(String caption, List<String> headers, List<Line> lines) {}

  public record Section(String anchor, String heading, Charts.Chart chart, Table table, List<String> paragraphs) {}

  /**
   * {@code home} is the relative link back to the regional page (none on the index or in a PDF);
   * {@code dashboard} the link to the site's dashboard (on the web site's index only).
   */
  public record Page(String title, String subtitle, String restricted, String home, String dashboard,
      List<Section> sections, String legend) {}

  private final List<IndicatorResult> rows;
  private final Map<String, IndicatorResult> byKey = new HashMap<>();
  private final DiplomaTypes diplomas = DiplomaTypes.load();
  private final String edition;
  private final int wave;
  private final List<String> weightingNotes;

  /**
   * @param rows the figures the pages may show (public ones, or a CFA's restricted ones plus the region's)
   * @param weightingNotes what the wave's raking did that readers must know ({@link MethodNotes#weighting})
   */
  public Pages(List<IndicatorResult> rows, int cohort, int wave, List<String> weightingNotes) {
    this.rows = rows;
    this.wave = wave;
    this.weightingNotes = weightingNotes;
    rows.forEach(r -> byKey.put(key(r.weighting(), r.dimension(), r.dimensionValue(), r.indicator()), r));
    this.edition = "Sortants d'apprentissage de " + cohort + ", enquête à " + (wave == 1 ? "7" : "12")
        + " mois (vague " + wave + ") — population : " + MethodNotes.population(wave);
  }

  private static String key(String weighting, String dimension, String value, String indicator) {
    return weighting + "|" + dimension + "|" + value + "|" + indicator;
  }

  private IndicatorResult get(String weighting, String dimension, String value, String indicator) {
    return byKey.get(key(weighting, dimension, value, indicator));
  }

  public String diplomaLabel(String cfd) {
    String type = diplomas.typeLabel(cfd);
    return type == null ? cfd : cfd + " (" + type + ")";
  }

  /** The regional key figures; {@code links} adds the links of the web site to CFA and diploma pages. */
  public Page region(boolean links) {
    List<Section> sections = new ArrayList<>();
    List<String> headers = Stream.of("Indicateur", "Brut", "IC {confidence%} % (brut)", "Redressé",
        "IC {confidence%} % (redressé)", "Numérateur (brut)", "Dénominateur (brut)").map(Parameters.get()::fill).toList();
    List<Line> headline = new ArrayList<>();
    for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
      IndicatorResult raw = get("raw", IndicatorCatalog.REGION, IndicatorCatalog.ALL, i.name());
      IndicatorResult weighted = get("weighted", IndicatorCatalog.REGION, IndicatorCatalog.ALL, i.name());
      if (raw != null) {
        headline.add(new Line(new Link(i.description(), null), List.of(Formats.value(raw), Formats.interval(raw),
            weighted == null ? "" : Formats.value(weighted), weighted == null ? "" : Formats.interval(weighted),
            Formats.numerator(raw), Formats.denominator(raw))));
      }
    }
    sections.add(new Section("chiffres-cles", "Chiffres clés de la région", null,
        new Table(Parameters.get().fill("Indicateurs de la région, bruts et redressés, avec leur intervalle de "
            + "confiance à {confidence%} %"), headers, headline), List.of(COMPARABLE)));
    LinkedHashMap<String, Double> byLevel = new LinkedHashMap<>();
    values("level").forEach(level -> byLevel.put("Niveau " + level,
        percent(get("raw", "level", level, "employment_rate"))));
    sections.add(breakdown("par-niveau", "Par niveau de diplôme",
        Charts.bars("Taux d'emploi par niveau de diplôme (brut, %)", "Taux d'emploi", byLevel),
        summary("Indicateurs par niveau de diplôme (RNCP 3 = CAP … 7 = master)", "Niveau", "level",
            v -> new Link("Niveau " + v, null))));
    sections.add(breakdown("par-diplome", "Par diplôme", null, summary("Indicateurs par diplôme (code formation "
        + "diplôme)", "Diplôme", "diploma", v -> new Link(diplomaLabel(v), links ? "diplome/" + v + ".html"
        : null))));
    sections.add(breakdown("par-cfa", "Par CFA", null, summary("Indicateurs par CFA (UAI du CFA responsable)", "CFA",
        "cfa", v -> new Link(v, links ? "cfa/" + v + ".html" : null))));
    sections.add(breakdown("par-departement", "Par département", null, summary("Indicateurs par département du lieu "
        + "de formation", "Département", "department", v -> new Link(v, null))));
    sections.add(breakdown("par-sexe", "Par sexe", null, summary("Indicateurs par sexe", "Sexe", "sex",
        v -> new Link(v, null))));
    sections.add(methods());
    return new Page("Devenir des apprentis en région — chiffres clés", edition, null, null,
        links ? Dashboard.PAGE : null, sections, Formats.LEGEND);
  }

  /**
   * A CFA's or a diploma's page: its figures beside the region's, a chart comparing them, and its
   * breakdown (a CFA by diploma and level; a diploma by CFA).
   */
  public Page entity(String title, String dimension, String value, String home, String restricted, String legend) {
    List<Section> sections = new ArrayList<>();
    List<Line> headline = new ArrayList<>();
    Map<String, Map<String, Double>> chart = new LinkedHashMap<>();
    chart.put(title, new LinkedHashMap<>());
    chart.put("Région", new LinkedHashMap<>());
    for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
      IndicatorResult own = get("raw", dimension, value, i.name());
      IndicatorResult region = get("raw", IndicatorCatalog.REGION, IndicatorCatalog.ALL, i.name());
      if (own == null) {
        continue;
      }
      IndicatorResult regionWeighted = get("weighted", IndicatorCatalog.REGION, IndicatorCatalog.ALL, i.name());
      headline.add(new Line(new Link(i.description(), null), List.of(Formats.value(own), Formats.interval(own),
          Formats.denominator(own),
          region == null ? "" : Formats.value(region), region == null ? "" : Formats.interval(region),
          regionWeighted == null ? "" : Formats.value(regionWeighted))));
      if (CHARTED.contains(i.name())) {
        chart.get(title).put(i.label(), percent(own));
        chart.get("Région").put(i.label(), region == null ? null : percent(region));
      }
    }
    sections.add(new Section("chiffres-cles", "Résultats", Charts.bars("Principaux taux (brut, %)", chart),
        new Table(Parameters.get().fill("Indicateurs, bruts, avec leur intervalle de confiance à {confidence%} %, "
            + "comparés à la région"), Stream.of("Indicateur", title + " (brut)", "IC {confidence%} %",
            "Dénominateur (brut)", "Région (brut)", "IC {confidence%} %", "Région (redressé)")
            .map(Parameters.get()::fill).toList(), headline), List.of(COMPARABLE)));
    if ("cfa".equals(dimension)) {
      sections.add(breakdown("par-diplome", "Par diplôme", null, summary("Indicateurs du CFA par diplôme", "Diplôme",
          "cfa*diploma", v -> v.startsWith(value + "*") ? new Link(diplomaLabel(v.substring(value.length() + 1)),
              null) : null)));
      sections.add(breakdown("par-niveau", "Par niveau", null, summary("Indicateurs du CFA par niveau", "Niveau",
          "cfa*level", v -> v.startsWith(value + "*") ? new Link("Niveau " + v.substring(value.length() + 1),
              null) : null)));
    } else {
      sections.add(breakdown("par-cfa", "Par CFA", null, summary("Indicateurs du diplôme par CFA", "CFA",
          "cfa*diploma", v -> {
            String uai = v.substring(0, v.indexOf('*'));
            return v.endsWith("*" + value) ? new Link(uai, home == null ? null : "../cfa/" + uai + ".html") : null;
          })));
    }
    sections.add(methods());
    return new Page(title, edition, restricted, home, null, sections, legend);
  }

  private Section methods() {
    return new Section("methodes", "Définitions et méthodes", null, null, MethodNotes.of(wave, weightingNotes));
  }

  /** A breakdown's section: its table of raw figures and the base of each column. */
  private Section breakdown(String anchor, String heading, Charts.Chart chart, Table table) {
    return new Section(anchor, heading, chart, table, List.of(MethodNotes.columnBases(
        SUMMARY.stream().map(IndicatorCatalog::get).toList())));
  }

  /** One line per value of the dimension that {@code link} names (null skips it), raw figures. */
  private Table summary(String caption, String head, String dimension, Function<String, Link> link) {
    List<String> headers = new ArrayList<>(List.of(head));
    SUMMARY.forEach(i -> headers.add(IndicatorCatalog.get(i).label()));
    List<Line> lines = new ArrayList<>();
    for (String v : values(dimension)) {
      Link l = link.apply(v);
      if (l != null) {
        lines.add(new Line(l, SUMMARY.stream().map(i -> {
          IndicatorResult r = get("raw", dimension, v, i);
          return r == null ? "" : Formats.value(r);
        }).toList()));
      }
    }
    return new Table(caption + ", bruts", headers, lines);
  }

  private List<String> values(String dimension) {
    return rows.stream().filter(r -> dimension.equals(r.dimension())).map(IndicatorResult::dimensionValue)
        .filter(Objects::nonNull).distinct().sorted().toList();
  }

  /** The published percentage a chart draws, or null when it is not published. */
  private static Double percent(IndicatorResult r) {
    if (r == null || r.hidden() || r.value() == null) {
      return null;
    }
    return Rounding.percent(r.value()).doubleValue();
  }

  public static String render(Page page) {
    return TEMPLATE.execute(page);
  }

  private static Template template() {
    try (Reader in = new InputStreamReader(Objects.requireNonNull(Pages.class.getResourceAsStream("/publish/page.mustache")),
        StandardCharsets.UTF_8)) {
      return Mustache.compiler().emptyStringIsFalse(true).nullValue("").compile(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

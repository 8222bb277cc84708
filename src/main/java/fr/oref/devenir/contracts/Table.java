package fr.oref.devenir.contracts;

import org.apache.spark.sql.types.StructType;

/** Every Delta table of the lake: its layer, its name, and its contract in data-schemas/tables/. */
public enum Table {
  BRONZE_LEAVER_FILES("bronze", "leaver_files"),
  BRONZE_LEAVER_ROWS("bronze", "leaver_rows"),
  LEAVERS("silver", "leavers"),
  CONTACTS("silver", "contacts"),
  REJECTIONS("silver", "rejections"),
  LEAVER_EXCLUSIONS("silver", "leaver_exclusions"),
  INGEST_LOG("silver", "ingest_log"),
  PURGE_LOG("silver", "purge_log"),
  NOMINATIVE_OUTPUTS("silver", "nominative_outputs"),
  PSEUDONYMISATION_KEYS("silver", "pseudonymisation_keys"),
  PANEL("silver", "panel"),
  BRONZE_SURVEY_ROWS("bronze", "survey_rows"),
  RESPONSES("silver", "responses"),
  RESPONSE_REJECTIONS("silver", "response_rejections"),
  COLLECTION_PROGRESS("silver", "collection_progress"),
  CORRECTIONS("silver", "corrections"),
  TITLES_TO_CODE("silver", "titles_to_code"),
  OUTCOMES("gold", "outcomes"),
  WAVE_CLOSURES("gold", "wave_closures"),
  WEIGHTING("gold", "weighting"),
  WEIGHTS("gold", "weights"),
  TRANSITIONS("gold", "transitions"),
  INDICATORS("gold", "indicators"),
  INDICATOR_TRENDS("gold", "indicator_trends");

  private final String layer;
  private final String simpleName;

  Table(String layer, String simpleName) {
    this.layer = layer;
    this.simpleName = simpleName;
  }

  /** "silver.leavers": the contract's file name and how docs and messages name the table. */
  public String qualifiedName() {
    return layer + "." + simpleName;
  }

  /** Path below the lake root. */
  public String relativePath() {
    return layer + "/" + simpleName;
  }

  public StructType schema() {
    return Schemas.of(qualifiedName());
  }

  public java.util.Map<String, String> properties() {
    return Schemas.properties(qualifiedName());
  }

  /** Holds names, INE, addresses or phones: physically deleted when the retention period ends. */
  public boolean nominative() {
    return "true".equals(properties().get("devenir.nominative"));
  }
}

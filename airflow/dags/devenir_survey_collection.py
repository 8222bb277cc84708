"""Survey collection: every night of February–April (wave 1) and July–October (wave 2), the survey
tool's export loaded again (a new snapshot), response rates printed and each CFA's call list refreshed."""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from devenir_jobs import LAKE, SURVEY_COHORT, SURVEY_WAVE, SURVEY_WAVE_DIR, submit_kwargs

with DAG(
    dag_id="devenir_survey_collection",
    description="Chargement quotidien des réponses, taux de réponse et listes de relance par CFA",
    schedule="0 3 * 2-4,7-10 *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Paris"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "oref", "retries": 2, "retry_delay": pendulum.duration(minutes=15)},
    tags=["devenir", "enquete", "relances"],
) as dag:
    SparkSubmitOperator(
        task_id="ingest_responses",
        conn_id="spark_default",
        **submit_kwargs(
            "ingest-responses",
            lake=LAKE,
            cohort=SURVEY_COHORT,
            wave=SURVEY_WAVE,
            calls=SURVEY_WAVE_DIR + "/relances",
            export="{{ var.value.devenir_survey_exports }}/export_C" + SURVEY_COHORT + "_V" + SURVEY_WAVE + ".csv",
        ),
    )

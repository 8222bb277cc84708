"""Wave closure: on 2 May (wave 1) and 2 November (wave 2), the wave cleaned, coded and closed, its
indicators computed, its results published (regional key figures and CFA bundles)."""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from devenir_jobs import LAKE, OUT, SURVEY_COHORT, SURVEY_WAVE, SURVEY_WAVE_DIR, submit_kwargs

with DAG(
    dag_id="devenir_survey_closure",
    description="Clôture de la vague, indicateurs et publication (2 mai, 2 novembre)",
    schedule="0 6 2 5,11 *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Paris"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "oref", "retries": 2, "retry_delay": pendulum.duration(minutes=15)},
    tags=["devenir", "enquete", "publication"],
) as dag:
    close = SparkSubmitOperator(
        task_id="close_wave",
        conn_id="spark_default",
        **submit_kwargs("close-wave", lake=LAKE, cohort=SURVEY_COHORT, wave=SURVEY_WAVE,
                        overrides="{{ var.value.devenir_overrides }}", out=SURVEY_WAVE_DIR),
    )
    indicators = SparkSubmitOperator(
        task_id="indicators",
        conn_id="spark_default",
        **submit_kwargs("indicators", lake=LAKE, cohort=SURVEY_COHORT, wave=SURVEY_WAVE,
                        out=SURVEY_WAVE_DIR + "/indicateurs.csv"),
    )
    publish = SparkSubmitOperator(
        task_id="publish",
        conn_id="spark_default",
        **submit_kwargs("publish", lake=LAKE, cohort=SURVEY_COHORT, wave=SURVEY_WAVE, out=OUT + "/publication"),
    )
    close >> indicators >> publish

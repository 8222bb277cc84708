"""Survey panels: on 1 February the wave-1 panel of last year's leavers, on 1 July the wave-2 panel
(everyone but further study and refusals at wave 1, which must be closed by then)."""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from devenir_jobs import LAKE, SURVEY_COHORT, SURVEY_WAVE, SURVEY_WAVE_DIR, submit_kwargs

with DAG(
    dag_id="devenir_survey_panels",
    description="Panels des vagues d'enquête (1er février, 1er juillet)",
    schedule="0 6 1 2,7 *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Paris"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "oref", "retries": 2, "retry_delay": pendulum.duration(minutes=15)},
    tags=["devenir", "enquete", "panel"],
) as dag:
    SparkSubmitOperator(
        task_id="panel",
        conn_id="spark_default",
        **submit_kwargs("panel", lake=LAKE, cohort=SURVEY_COHORT, wave=SURVEY_WAVE, out=SURVEY_WAVE_DIR + "/panel"),
    )

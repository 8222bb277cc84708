"""Leaver files: every night from 1 October to 18 November, load what the CFAs sent and send back
their validation reports (SPEC §1: deadline 18 November N). The lake is created first if it is new
(init creates only what is missing)."""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from devenir_jobs import submit_kwargs

LAKE = "{{ var.value.devenir_lake }}"
COHORT = "{{ logical_date.year }}"

with DAG(
    dag_id="devenir_leaver_files",
    description="Chargement et validation des fichiers sortants des CFA",
    schedule="0 2 * 10,11 *",
    start_date=pendulum.datetime(2026, 10, 1, tz="Europe/Paris"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "oref", "retries": 2, "retry_delay": pendulum.duration(minutes=15)},
    tags=["devenir", "sortants"],
) as dag:
    init = SparkSubmitOperator(
        task_id="init_lake",
        conn_id="spark_default",
        **submit_kwargs("init", lake=LAKE),
    )
    ingest = SparkSubmitOperator(
        task_id="ingest_leavers",
        conn_id="spark_default",
        **submit_kwargs(
            "ingest-leavers",
            lake=LAKE,
            cohort=COHORT,
            reports="{{ var.value.devenir_reports }}/validation-C" + COHORT,
            inputs="{{ var.value.devenir_inbox }}/C" + COHORT,
        ),
    )
    init >> ingest

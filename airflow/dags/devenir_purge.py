"""Retention: on the first of each month, physically delete nominative data older than three years
after its cohort's V2 closure."""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

from devenir_jobs import submit_kwargs

with DAG(
    dag_id="devenir_purge",
    description="Purge des données nominatives échues",
    schedule="0 3 1 * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Paris"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "oref", "retries": 1, "retry_delay": pendulum.duration(minutes=30)},
    tags=["devenir", "rgpd"],
) as dag:
    purge = SparkSubmitOperator(
        task_id="purge",
        conn_id="spark_default",
        **submit_kwargs("purge", lake="{{ var.value.devenir_lake }}", as_of="{{ ds }}"),
    )

"""Builds spark-submit arguments from the job definitions of ../jobs (one source for people and Airflow).

Pure Python on purpose: the DAG files import it, and the tests run it without Airflow installed.
"""
import os
import re

JOBS_DIR = os.environ.get(
    "DEVENIR_JOBS_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "jobs"))
JAR = os.environ.get("DEVENIR_JAR", "/opt/devenir/devenir.jar")
MAIN_CLASS = "fr.oref.devenir.cli.Devenir"
# The pseudonymisation key reaches the driver as an environment variable, never as a Spark property
# (those show in the Spark UI and event logs). The Variable's name holds "secret" so Airflow masks it.
KEY_ENV = {"DEVENIR_PSEUDONYMISATION_KEY": "{{ var.value.devenir_pseudonymisation_secret }}"}
DELTA_CONF = {
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
}


def read_definition(job):
    """The key=value lines of jobs/<job>.properties (comments skipped)."""
    definition = {}
    with open(os.path.join(JOBS_DIR, job + ".properties"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, value = line.split("=", 1)
                definition[key.strip()] = value.strip()
    return definition


def submit_kwargs(job, **placeholders):
    """SparkSubmitOperator keyword arguments for a job; placeholder values may be Jinja templates."""
    definition = read_definition(job)
    # split the template first: a value (a Jinja expression) may contain spaces
    args = definition["args"].split()
    for key, value in placeholders.items():
        args = [a.replace("{" + key + "}", str(value)) for a in args]
    unfilled = [a for a in args if re.fullmatch(r".*\{[a-z_]+\}.*", a) and not a.startswith("{{")]
    if unfilled:
        raise ValueError("job %s: no value for %s" % (job, ", ".join(unfilled)))
    conf = dict(DELTA_CONF)
    conf.update({k: v for k, v in definition.items() if k.startswith("spark.")})
    return {
        "application": JAR,
        "java_class": MAIN_CLASS,
        "application_args": [definition["command"]] + args,
        "conf": conf,
        "env_vars": dict(KEY_ENV),
        "name": "devenir-" + job,
    }


# Leavers of year N are surveyed in N+1: wave 1 from February to April (panel on 1 February, closure
# on 2 May), wave 2 from July to October (panel on 1 July, closure on 2 November). Templates of the
# survey DAGs, on the run's own date (data_interval_end), not on the previous tick (logical_date).
SURVEY_COHORT = "{{ data_interval_end.year - 1 }}"
SURVEY_WAVE = "{{ 1 if data_interval_end.month < 6 else 2 }}"
LAKE = "{{ var.value.devenir_lake }}"
OUT = "{{ var.value.devenir_out }}"
SURVEY_WAVE_DIR = OUT + "/C" + SURVEY_COHORT + "_V" + SURVEY_WAVE

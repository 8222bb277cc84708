"""Static contract tests of the DAGs: Airflow cannot be installed here (no PyPI), so the DAG files are
parsed, not imported, and the job arguments are rendered with Jinja2 and checked against jobs/.
A real DagBag import runs wherever Airflow is installed (skipped otherwise)."""
import ast
import glob
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
DAGS = os.path.join(HERE, "..", "dags")
sys.path.insert(0, DAGS)
import devenir_jobs  # noqa: E402

DAG_FILES = sorted(f for f in glob.glob(os.path.join(DAGS, "*.py")) if not f.endswith("devenir_jobs.py"))


def calls(tree, name):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name]


def keyword(call, name):
    return next((k.value for k in call.keywords if k.arg == name), None)


@pytest.mark.parametrize("path", DAG_FILES)
def test_one_dag_per_file_without_catchup_and_with_retries(path):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    dags = calls(tree, "DAG")
    assert len(dags) == 1
    assert ast.literal_eval(keyword(dags[0], "catchup")) is False
    assert keyword(dags[0], "schedule") is not None
    default_args = keyword(dags[0], "default_args")
    assert "retries" in [k.value for k in default_args.keys]


def test_dag_ids_are_unique():
    ids = [ast.literal_eval(keyword(calls(ast.parse(open(p).read()), "DAG")[0], "dag_id")) for p in DAG_FILES]
    assert len(ids) == len(set(ids)) and ids


@pytest.mark.parametrize("path", DAG_FILES)
def test_every_task_submits_a_defined_job(path):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    submits = calls(tree, "SparkSubmitOperator")
    assert submits
    for op in submits:
        star = next(k.value for k in op.keywords if k.arg is None)
        job = ast.literal_eval(star.args[0])
        assert os.path.exists(os.path.join(devenir_jobs.JOBS_DIR, job + ".properties"))


def test_rendered_arguments_are_complete():
    jinja2 = pytest.importorskip("jinja2")
    kwargs = devenir_jobs.submit_kwargs("ingest-leavers", lake="{{ var.value.lake }}", cohort="{{ logical_date.year }}",
                                        reports="/r", inputs="/in")
    context = {"var": {"value": {"lake": "s3a://oref/lake"}}, "logical_date": __import__("datetime").date(2022, 10, 3)}
    args = [jinja2.Template(a).render(**context) for a in kwargs["application_args"]]
    assert args == ["ingest-leavers", "--lake", "s3a://oref/lake", "--cohort", "2022", "--reports", "/r", "/in"]
    assert kwargs["java_class"] == "fr.oref.devenir.cli.Devenir"
    assert kwargs["conf"]["spark.sql.extensions"] == "io.delta.sql.DeltaSparkSessionExtension"


def test_every_job_gets_the_lakes_key_from_a_masked_variable_never_the_demo_key():
    for name in os.listdir(devenir_jobs.JOBS_DIR):
        if name.endswith(".properties"):
            kwargs = devenir_jobs.submit_kwargs(name[:-len(".properties")], lake="l", cohort="c", wave="w", out="o",
                                                reports="r", inputs="i", export="e", calls="c", as_of="a",
                                                overrides="v", rules="u")
            assert "secret" in kwargs["env_vars"]["DEVENIR_PSEUDONYMISATION_KEY"]
            assert "--allow-demo-key" not in kwargs["application_args"]
            assert not any("pseudonymisation" in k.lower() for k in kwargs["conf"])


def test_a_missing_placeholder_is_an_error():
    with pytest.raises(ValueError):
        devenir_jobs.submit_kwargs("purge", lake="x")


def test_dagbag_imports_where_airflow_exists():
    # our own airflow/ folder shadows the package name: ask for the real Airflow's module
    models = pytest.importorskip("airflow.models")
    DagBag = models.DagBag
    bag = DagBag(dag_folder=DAGS, include_examples=False)
    assert bag.import_errors == {}


@pytest.mark.parametrize("day, cohort, wave", [
    ("2023-02-01", "2022", "1"), ("2023-03-15", "2022", "1"), ("2023-05-02", "2022", "1"),
    ("2023-07-01", "2022", "2"), ("2023-10-31", "2022", "2"), ("2023-11-02", "2022", "2"),
])
def test_survey_dags_pick_the_cohort_and_wave_of_the_run_date(day, cohort, wave):
    jinja2 = pytest.importorskip("jinja2")
    context = {"data_interval_end": __import__("datetime").date.fromisoformat(day)}
    assert jinja2.Template(devenir_jobs.SURVEY_COHORT).render(**context) == cohort
    assert jinja2.Template(devenir_jobs.SURVEY_WAVE).render(**context) == wave


def test_the_closure_runs_close_then_indicators_then_publish():
    tree = ast.parse(open(os.path.join(DAGS, "devenir_survey_closure.py"), encoding="utf-8").read())
    chains = [n for n in ast.walk(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.RShift)]
    assert ast.unparse(chains[0]) == "close >> indicators >> publish"


def test_the_leaver_files_dag_creates_the_lake_before_loading():
    tree = ast.parse(open(os.path.join(DAGS, "devenir_leaver_files.py"), encoding="utf-8").read())
    chains = [n for n in ast.walk(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.RShift)]
    assert ast.unparse(chains[0]) == "init >> ingest"

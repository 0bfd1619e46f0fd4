"""The Celery app the workers run: ``celery -A pipelines.celery_app worker -Q dagster[,load]``.

It registers dagster-celery's step task with the broker, backend and settings of
``pipelines.distributed`` (from the environment), so workers and the executor always agree.
"""

from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from pipelines.distributed import worker_app_args

app = make_app(worker_app_args())
execute_plan = create_task(app)

"""The central API as a FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache

from anyio import to_thread
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

import advocate_console
from advocate_console.api.schemas import API_PREFIX

from .approvals.routes import router as approvals_router
from .auth.routes import router as auth_router
from .authority.routes import router as authority_router
from .authority.service import use_defaults
from .calls.routes import router as calls_router
from .changes.routes import router as changes_router
from .conferences.routes import router as conferences_router
from .core.database import Database, prepare_database
from .core.errors import install_error_handlers
from .core.limits import RequestGuard
from .core.logs import hide_query_values_in_access_log
from .core.settings import CentralSettings, settings_from_environment
from .customers.routes import router as customers_router
from .events.hub import EventHub
from .events.routes import router as events_router
from .health.routes import router as health_router
from .integrations.routes import router as integrations_router
from .metrics.instruments import RequestMetrics, process_ended, watch_pool
from .metrics.routes import router as metrics_router
from .presence.routes import router as presence_router
from .records.routes import all_record_routers
from .releases.routes import router as releases_router
from .reports.routes import router as reports_router
from .users.routes import router as users_router


def _operation_id(route: APIRoute) -> str:
    # Route names are chosen to be stable ("search_customers"), so clients can rely on them.
    return route.name


@cache
def api_routes() -> tuple[BaseRoute, ...]:
    """Every route of the API, included once per process and shared by every app made.

    FastAPI analyses an included router's routes (dependencies, bodies, responses) on the
    first request that reaches it, once per inclusion: about 0.1 s a router, paid again
    by each new app (a test's server, an embedded demo server after a restart). The
    routes hold nothing of an app's own: its database and settings come with each request
    through ``request.app.state``.
    """
    routes = APIRouter(generate_unique_id_function=_operation_id)
    routes.include_router(metrics_router)
    # Customers first: /customers/import must not be read as /customers/{id}.
    for router in (
        health_router,
        auth_router,
        customers_router,
        changes_router,
        releases_router,
        events_router,
        calls_router,
        integrations_router,
        conferences_router,
        authority_router,
        approvals_router,
        reports_router,
        presence_router,
        users_router,
        *all_record_routers(),
    ):
        routes.include_router(router, prefix=API_PREFIX)
    return tuple(routes.routes)


def app_from_environment() -> FastAPI:
    """The app of one ``serve --workers N`` worker, set up by ``ADVOCATE_CENTRAL_*``."""
    return create_app(settings_from_environment())


def create_app(settings: CentralSettings) -> FastAPI:
    """A central API server on ``settings.database_url``; migrates it at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_startup:
            prepare_database(settings.database_url)
        # The routes are plain functions run on anyio's threads, 40 by default: with that
        # many taking turns on the one interpreter lock, a worker spent more of its CPU
        # switching (bench_load, 100 advocates: 16.9 ms of CPU a request with 40 threads,
        # 13.6 ms with 10; 66 and 86 requests/s; with 4 the database's waits left CPU
        # idle). As many as the pool's steady connections: more would wait for one anyway.
        to_thread.current_default_thread_limiter().total_tokens = settings.pool_size
        await app.state.events.start()
        try:
            yield
        finally:
            await app.state.events.stop()
            app.state.database.dispose()
            process_ended()

    app = FastAPI(
        title="Advocate Console central API",
        version=advocate_console.__version__,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = Database(settings.database_url, pool_size=settings.pool_size)
    watch_pool(app.state.database.reader)
    use_defaults(app.state.database, settings.authority_defaults)
    app.state.events = EventHub(app.state.database, retention=settings.retention)
    install_error_handlers(app)
    hide_query_values_in_access_log()  # no search text in the logs (uvicorn's, every worker)
    app.add_middleware(RequestGuard, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestMetrics)  # outermost: it times the guard's refusals too
    app.router.routes.extend(api_routes())
    return app

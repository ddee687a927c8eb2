"""The load test of ``python -m bench.landelijk``: logged-in users (a session cookie from the
environment) asking one page (``BENCH_PAD``) without think time. The bench runs it once for
the dashboard and once for the trivial view. Not a test module: ``locust -f`` only.
"""

from __future__ import annotations

import os

from locust import FastHttpUser, constant, task

COOKIE = os.environ.get("BENCH_COOKIE", "")
PAD = os.environ.get("BENCH_PAD", "/landelijk/ping/")


class Gebruiker(FastHttpUser):
    wait_time = constant(0)

    @task
    def pagina(self) -> None:
        with self.client.get(
            PAD,
            headers={"Cookie": COOKIE},
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code != 200:
                antwoord.failure(f"status {antwoord.status_code}")
            else:
                antwoord.success()

#!/usr/bin/env bash
# A Celery worker (with its scheduler, beat) beside the web server, no other service needed:
# the broker is kombu's filesystem transport in var/wachtrij/ unless CELERY_BROKER_URL says
# otherwise. The worker stops with the server (Ctrl-C, or any exit).
# Usage: scripts/run-met-worker.sh BIN ADRES          (make run: Django's runserver on ADRES)
#        scripts/run-met-worker.sh BIN -- COMMANDO…   (make serve-prod: gunicorn)
set -euo pipefail
bin=$1
shift

"$bin/celery" -A regietafel.taken worker --beat --concurrency=1 --loglevel=INFO \
  --without-mingle --without-gossip --hostname "regietafel-run@%h" &
werker=$!
stop() {
  kill -TERM "$werker" 2>/dev/null || true
  wait "$werker" 2>/dev/null || true
}
trap stop EXIT INT TERM

if [ "${1:-}" = "--" ]; then
  shift
  "$@"
else
  "$bin/regietafel" runserver "$1"
fi

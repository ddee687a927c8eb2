#!/usr/bin/env bash
# `make run`: a Celery worker (with its scheduler, beat) beside Django's runserver, no other
# service needed: the broker is kombu's filesystem transport in var/wachtrij/ unless
# CELERY_BROKER_URL says otherwise. The worker stops with the server (Ctrl-C, or any exit).
# Usage: scripts/run-met-worker.sh BIN ADRES
set -euo pipefail
bin=$1
adres=$2

"$bin/celery" -A regietafel.taken worker --beat --concurrency=1 --loglevel=INFO \
  --without-mingle --without-gossip --hostname "regietafel-run@%h" &
werker=$!
stop() {
  kill -TERM "$werker" 2>/dev/null || true
  wait "$werker" 2>/dev/null || true
}
trap stop EXIT INT TERM

"$bin/regietafel" runserver "$adres"

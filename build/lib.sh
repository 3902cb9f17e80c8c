#!/usr/bin/env bash
# Shared by run.sh, test.sh and the benchmarks: a local PostgreSQL cluster under .data/, run as the postgres user on 127.0.0.1.
set -euo pipefail

CPRO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CPRO_PG_PORT="${CPRO_PG_PORT:-55432}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root_apt() {
  if [ "$(id -u)" -ne 0 ]; then
    log "Installez d'abord : $* (droits root nécessaires)"; exit 1
  fi
  [ -n "${CPRO_APT_UPDATED:-}" ] || { apt-get update -qq; CPRO_APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ]; then
    log "Installation de PostgreSQL"
    as_root_apt postgresql
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$bin"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster's folder: .data/pg in the repo, unless the postgres user cannot reach the repo (e.g. a clone under /root).
pg_data_dir() {
  local dir="$CPRO_ROOT/.data/pg"
  mkdir -p "$CPRO_ROOT/.data"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$CPRO_ROOT/.data"; then
    dir="/var/tmp/cpro-pg-$(printf '%s' "$CPRO_ROOT" | md5sum | cut -c1-12)"
    log "Le dépôt n'est pas accessible à l'utilisateur postgres : cluster dans $dir"
  fi
  echo "$dir"
}

# Starts (or reuses) the cluster and prints nothing; CPRO_PG_URL is the connection string to its postgres database.
# The caller chooses: "durable" (run.sh: fsync, full page writes and synchronous commit on, so a power cut loses no
# committed write) or "fast" (tests, benchmarks: fsync off). Settings given with -c cannot change on a reload, so a
# cluster left running without fsync is restarted for "durable"; a durable one is reused as it is for "fast" (slower,
# still correct), rather than cutting off a running portal.
pg_start() {
  local mode="${1:?pg_start durable|fast}" settings bin data running
  case "$mode" in
    durable) settings="-c fsync=on -c full_page_writes=on -c synchronous_commit=on" ;;
    fast) settings="-c fsync=off" ;;
    *) log "pg_start : mode « $mode » inconnu (durable ou fast)"; return 1 ;;
  esac
  bin="$(pg_bin)"
  data="$(pg_data_dir)"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "Création du cluster PostgreSQL dans $data"
    mkdir -p "$data"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$data"
    chmod 700 "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    running="$(pg_durability "$bin")" || return 1
    if [ "$mode" = durable ] && [ "$running" != durable ]; then
      log "PostgreSQL tourne sans fsync (démarré par les tests) : redémarrage en mode durable"
      as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null || return 1
    elif [ "$mode" = fast ] && [ "$running" = durable ]; then
      log "PostgreSQL tourne déjà en mode durable (run.sh) : réutilisé tel quel, plus lent"
    fi
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # A run without fsync may have left writes in the kernel's cache only: they reach the disk before durable writes
    # build on them (PostgreSQL's documentation of fsync).
    [ "$mode" != durable ] || as_pg "$bin/initdb" -D "$data" --sync-only >/dev/null || return 1
    log "Démarrage de PostgreSQL sur 127.0.0.1:$CPRO_PG_PORT ($mode)"
    if ! as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $CPRO_PG_PORT -c unix_socket_directories='' $settings -c max_connections=200" start >/dev/null; then
      log "PostgreSQL n'a pas démarré (port $CPRO_PG_PORT déjà pris ? choisissez-en un autre avec CPRO_PG_PORT) :"
      tail -n 5 "$data/server.log" >&2
      return 1
    fi
  fi
  CPRO_PG_URL="Host=127.0.0.1;Port=$CPRO_PG_PORT;Username=postgres;Database=postgres"
  export CPRO_PG_URL
}

# Prints "durable" or "fast" for the running cluster. It may still be starting (or recovering after a crash): waits
# up to 60 s for it to answer.
pg_durability() {
  local bin="$1" durable
  for _ in $(seq 1 120); do
    if durable="$("$bin/psql" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres -d postgres -Atc \
      "select current_setting('fsync') = 'on' and current_setting('full_page_writes') = 'on' and current_setting('synchronous_commit') <> 'off'" 2>/dev/null)"; then
      if [ "$durable" = t ]; then echo durable; else echo fast; fi
      return 0
    fi
    sleep 0.5
  done
  log "PostgreSQL tourne mais ne répond pas sur 127.0.0.1:$CPRO_PG_PORT (un autre port ? arrêtez-le ou choisissez CPRO_PG_PORT)"
  return 1
}

pg_ensure_database() {
  local name="$1" bin
  bin="$(pg_bin)"
  if ! "$bin/psql" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres -d postgres -Atc "select 1 from pg_database where datname='$name'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres "$name"
  fi
}

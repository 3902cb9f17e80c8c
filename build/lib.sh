#!/usr/bin/env bash
# Shared by run.sh and test.sh: a local PostgreSQL cluster under .data/, run as the postgres user on 127.0.0.1.
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
pg_start() {
  local bin data
  bin="$(pg_bin)"
  data="$(pg_data_dir)"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "Création du cluster PostgreSQL dans $data"
    mkdir -p "$data"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$data"
    chmod 700 "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "Démarrage de PostgreSQL sur 127.0.0.1:$CPRO_PG_PORT"
    if ! as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $CPRO_PG_PORT -c unix_socket_directories='' -c fsync=off -c max_connections=200" start >/dev/null; then
      log "PostgreSQL n'a pas démarré (port $CPRO_PG_PORT déjà pris ? choisissez-en un autre avec CPRO_PG_PORT) :"
      tail -n 5 "$data/server.log" >&2
      return 1
    fi
  fi
  CPRO_PG_URL="Host=127.0.0.1;Port=$CPRO_PG_PORT;Username=postgres;Database=postgres"
  export CPRO_PG_URL
}

pg_ensure_database() {
  local name="$1" bin
  bin="$(pg_bin)"
  if ! "$bin/psql" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres -d postgres -Atc "select 1 from pg_database where datname='$name'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres "$name"
  fi
}

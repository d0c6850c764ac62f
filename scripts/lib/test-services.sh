# Sourced by scripts/test: the services the test suite uses, installed and started when missing.

granary_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

granary_apt_install() {
  echo "installing $* with apt-get" >&2
  granary_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
    granary_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

granary_ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    granary_apt_install chromium chromium-driver || {
      echo "The dashboard tests need chromium and chromium-driver; installing them with apt-get failed." >&2
      exit 1
    }
  fi
}

# Starts the Debian PostgreSQL cluster and exports GRANARY_TEST_PG_URL for the migration test.
# Without PostgreSQL (no apt, no root) that one test is skipped and says so; nothing else needs it.
granary_start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    granary_apt_install postgresql || { echo "PostgreSQL unavailable: its migration test will be skipped." >&2; return 0; }
  fi
  local cluster version name
  cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    granary_as_root pg_createcluster "$version" main >/dev/null || { echo "creating a PostgreSQL cluster failed; skipping its test" >&2; return 0; }
    cluster=$(pg_lsclusters -h | head -n 1)
  fi
  version=$(echo "$cluster" | awk '{print $1}')
  name=$(echo "$cluster" | awk '{print $2}')
  local port
  port=$(echo "$cluster" | awk '{print $3}')
  if ! echo "$cluster" | grep -q online; then
    granary_as_root pg_ctlcluster "$version" "$name" start || { echo "starting PostgreSQL failed; skipping its test" >&2; return 0; }
  fi
  granary_as_root su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<'SQL' || { echo "preparing the PostgreSQL test database failed; skipping its test" >&2; return 0; }
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'granary') THEN
    CREATE ROLE granary LOGIN PASSWORD 'granary';
  END IF;
END $$;
SELECT 'CREATE DATABASE granary_test OWNER granary'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'granary_test')\gexec
SQL
  export GRANARY_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/granary_test"
  export GRANARY_TEST_PG_USER=granary
  export GRANARY_TEST_PG_PASSWORD=granary
  echo "PostgreSQL $version/$name on port $port is up for the migration test" >&2
}

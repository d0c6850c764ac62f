# Sourced by the scripts: exports JAVA_HOME and PATH for a JDK >= 21, or stops with a clear message.
# The machine's default java may be older (17); the project needs 21+.

granary_java_major() {
  # prints the major version of the java binary $1 (e.g. 17, 21, 25)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

granary_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(granary_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(granary_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}

GRANARY_JDK=$(granary_find_jdk) || true
if [ -z "${GRANARY_JDK:-}" ]; then
  echo "Granary needs a JDK 21 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}; nothing >= 21 under /usr/lib/jvm)." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME=$GRANARY_JDK
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "Granary builds with Maven, which is not installed (apt-get install maven)." >&2
  exit 1
fi

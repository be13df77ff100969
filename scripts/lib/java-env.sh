# Sourced by the other scripts: finds a JDK 21 or newer and Maven, and exports JAVA_HOME.
# Order: $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

java_major() {
  # Prints the feature version of the java binary given, e.g. 17 or 25.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local d
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${d%/}"); done
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      local v; v=$(java_major "$d/bin/java")
      if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$d"; return 0; fi
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "Castkeeper needs a JDK 21 or newer (java and javac). None was found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "Castkeeper builds with Apache Maven 3.8 or newer, and 'mvn' is not on PATH. Install it, e.g. 'apt-get install maven'." >&2
  exit 1
fi

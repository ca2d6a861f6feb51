# Sourced by mvnw, .ci/run and bench/: points JAVA_HOME at a JDK >= 21.
# Keeps JAVA_HOME when it already names one; otherwise looks at `java` on PATH, then the usual install folders.
# POSIX sh on purpose: mvnw runs under /bin/sh.
daap_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
daap_is_jdk21() {
  [ -x "$1/bin/javac" ] || return 1
  major=$(daap_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}
daap_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && daap_is_jdk21 "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if daap_is_jdk21 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  noglob=${-%%f*}; set +f  # mvnw runs with `set -f`; the search below needs globbing
  for candidate in $(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    if daap_is_jdk21 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; [ "$noglob" = "$-" ] || set -f; return 0; fi
  done
  [ "$noglob" = "$-" ] || set -f
  echo "DAAP needs a JDK 21 or newer: set JAVA_HOME to one (none was found on PATH or under /usr/lib/jvm)." >&2
  return 1
}

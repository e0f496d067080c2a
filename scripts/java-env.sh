# Sourced by ./swasd, ./run-tests and .ci/run: finds a JDK of version 21 or newer and exports
# JAVA_HOME. JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm.

java_major() {
  local v=""
  # the JDK's release file says its version without starting a JVM (which costs a third of a second)
  if [[ -f "$1/release" ]]; then
    v=$(sed -n -E 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$1/release")
  fi
  if ! [[ $v =~ ^[0-9]+$ ]]; then
    v=$("$1/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*version "([0-9]+)(\.[^"]*)?".*/\1/')
  fi
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" && $(java_major "$JAVA_HOME") -ge 21 ]]; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [[ -x "$d/bin/javac" ]] || continue
    v=$(java_major "$d")
    if (( v >= 21 && v > best_v )); then best=$d; best_v=$v; fi
  done
  [[ -n $best ]] && echo "$best"
}

JAVA_HOME=$(find_jdk) || true
if [[ -z "${JAVA_HOME:-}" ]]; then
  echo "swasd: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# Maven 3.8 (its Guava) uses sun.misc.Unsafe, which JDK 24 and newer warn about on every build; the
# option that allows it quietly is unknown to older JDKs, so it is added only for a JDK that knows it.
if (( $(java_major "$JAVA_HOME") >= 24 )) && [[ " ${MAVEN_OPTS:-} " != *" --sun-misc-unsafe-memory-access="* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
fi

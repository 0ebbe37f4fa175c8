# Sourced by bin/picket and bin/test: points JAVA_HOME at a JDK >= 21.
# Order: an existing JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

picket_jdk_major() { # JAVA_HOME -> major version, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] && [ -f "$release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

picket_find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${home%/}"); done
  for home in "${candidates[@]}"; do
    major="$(picket_jdk_major "$home")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$home"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "picket: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one and set JAVA_HOME" >&2
  return 1
}

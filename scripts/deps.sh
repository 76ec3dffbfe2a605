#!/bin/sh
# Installs the Debian packages earnest needs to build and test, when any is
# missing. Usage: scripts/deps.sh [build|test|fuzz]  (each includes the ones before)
set -eu
level=${1:-build}
pkgs="gcc make cmake ninja-build pkg-config libc6-dev libopencc-dev libicu-dev"
case "$level" in
  test) pkgs="$pkgs python3" ;;
  fuzz) pkgs="$pkgs python3 clang libclang-rt-14-dev" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else
  echo "deps: run as root: apt-get install$missing" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || $SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

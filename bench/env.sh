# Sourced by the bench scripts: src (the repo), build (BUILD, default
# build/, relative to the repo unless absolute) and shared (EA_SHARED,
# default ../shared beside the repo). Needs $0 to be the script's path.
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
case $build in /*) ;; *) build=$src/$build ;; esac
shared=${EA_SHARED:-$src/../shared}

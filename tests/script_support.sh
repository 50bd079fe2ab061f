# Sourced by the test scripts that take SOURCE_DIR BUILD_DIR WORK_DIR (ctest passes them): sets src, build
# and work (emptied first), and fail MESSAGE, which says which script failed and why, and exits 1.
src=$1
build=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
fail() {
  echo "$(basename "$0" .sh): $*" >&2
  exit 1
}

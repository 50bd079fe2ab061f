// An empty shared library: the loader tests' "no aliases" case and the benchmarks' dlopen baseline.
extern "C" int estore_empty_library_marker() {
    return 0;
}

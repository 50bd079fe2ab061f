#include "test_support.h"

#include <Poco/UUIDGenerator.h>

namespace estore::test {

TempDir::TempDir()
    : _path(std::filesystem::temp_directory_path() /
            ("estore-test-" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString())) {
    std::filesystem::create_directories(_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(_path, ec);
}

}  // namespace estore::test

#pragma once
// What an exception says, for logs and error details: Poco's exceptions keep their message in
// displayText() (what() of a PostgreSQL error is just "PostgreSQL").
#include <exception>
#include <string>

namespace estore::host {

std::string errorText(const std::exception& e);

}  // namespace estore::host

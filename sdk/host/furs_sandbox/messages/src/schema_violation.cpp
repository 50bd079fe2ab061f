#include "estore/host/furs_sandbox/schema_violation.h"

namespace furs_sandbox {

std::string SchemaViolation::message() const {
    return "Sporočilo ni v skladu s shemo JSON: " + path + " (" + reason + ")";
}

}  // namespace furs_sandbox

#include "estore/host/core/error_text.h"

#include <Poco/Exception.h>

namespace estore::host {

std::string errorText(const std::exception& e) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) return poco->displayText();
    return e.what();
}

}  // namespace estore::host

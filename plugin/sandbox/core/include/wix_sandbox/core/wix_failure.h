#pragma once

#include <stdexcept>

#include "wix_sandbox/core/http_reply.h"

namespace wix_sandbox {

/// Thrown anywhere in a Wix route to answer with an error reply; keeps validation code linear.
class WixFailure : public std::runtime_error {
public:
    explicit WixFailure(HttpReply reply);

    const HttpReply& reply() const { return _reply; }

private:
    HttpReply _reply;
};

}  // namespace wix_sandbox

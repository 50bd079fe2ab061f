#pragma once
#include <optional>
#include <string>

#include "estore/host/fiscal/x509_certificate.h"

namespace furs_sandbox {

/// One HTTP request as the FURS side sees it, with the client certificate TLS verified (if one was sent).
struct FursRequest {
    std::string method;
    std::string path;
    std::string body;
    std::optional<estore::host::X509Certificate> clientCertificate;
};

}  // namespace furs_sandbox

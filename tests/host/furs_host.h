#pragma once
// A host that talks to an in-process furs-sandbox, for the fiscal tests and fiscal_bench.
#include <string>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/furs_client.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"

namespace estore::test {

/// The company (taxNumber) with the certificate furs-sandbox issued it, and FURS's address and CA.
void useFurs(host::HostConfig& config, const furs_sandbox::FursSandbox& furs,
             const furs_sandbox::CertificateFiles& certificate, const std::string& taxNumber);

/// Registers business premise SPLET1 (a lone electronic device) with the configured FURS.
host::FursAnswer registerPremiseSplet1(host::HostConfig& config, const std::string& taxNumber);

}  // namespace estore::test

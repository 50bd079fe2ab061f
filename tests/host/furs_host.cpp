#include "furs_host.h"

#include "estore/host/fiscal/fiscal_signer.h"

namespace estore::test {

void useFurs(host::HostConfig& config, const furs_sandbox::FursSandbox& furs,
             const furs_sandbox::CertificateFiles& certificate, const std::string& taxNumber) {
    config.setOverride("fiscal.certificate", certificate.certificate.string());
    config.setOverride("fiscal.private_key", certificate.privateKey.string());
    config.setOverride("fiscal.furs_url", furs.baseUrl());
    config.setOverride("fiscal.furs_ca_file", furs.caFile());
    config.setOverride("company.tax_number", taxNumber);
}

host::FursAnswer registerPremiseSplet1(host::HostConfig& config, const std::string& taxNumber) {
    host::FursPremise premise;
    premise.taxNumber = taxNumber;
    premise.premise = "SPLET1";
    premise.premiseType = "C";
    premise.validityDate = "2025-01-01";
    premise.softwareSupplierTaxNumber = "11111111";
    const auto signer = host::FiscalSigner::fromConfig(config);
    return host::FursClient(host::FursSettings::from(config), *signer).registerPremise(premise);
}

}  // namespace estore::test

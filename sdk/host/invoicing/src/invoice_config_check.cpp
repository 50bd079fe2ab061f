#include "estore/host/invoicing/invoice_config_check.h"

#include "estore/sdk/tax_number.h"

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/invoicing/invoice_settings.h"
#include "estore/sdk/setting_map.h"

namespace estore::host {

namespace {

std::string fiscalMethods(const host_api::Settings& settings) {
    auto it = settings.find("payment_methods");
    std::string names;
    if (it == settings.end()) return names;
    for (const auto& entry : sdk::parseSettingMap(it->second).map.entries)
        if (entry.hasFlag("fiscal")) names += (names.empty() ? "" : ", ") + entry.key;
    return names;
}

}  // namespace

std::vector<host_api::FieldError> InvoiceConfigCheck::check(const host_api::Settings& settings,
                                                            HostConfig& config) {
    const InvoiceSettings invoicing = InvoiceSettings::of(settings);
    if (!invoicing.enabled() || (!invoicing.anyFiscalMethod() && !invoicing.verifyAll())) return {};
    const std::string methods =
        invoicing.verifyAll() ? "invoice_numbering=verify_all" : fiscalMethods(settings);
    std::vector<host_api::FieldError> errors;
    const std::string companyTaxNumber = config.getString("company.tax_number", "");
    try {
        const auto signer = FiscalSigner::fromConfig(config);
        // FURS refuses a message whose tax number is not the certificate's (S005, SPEC32 §4).
        const std::string certified = X509Certificate::fromPem(signer->certificatePem()).taxNumber();
        if (!certified.empty() && FiscalCode::isTaxNumber(companyTaxNumber) && certified != companyTaxNumber)
            errors.push_back(
                {"payment_methods",
                 "payment_methods.certificate_tax_number",
                 {"Preslikava načinov plačila (payment_methods): certifikat FURS je izdan za davčno "
                  "številko " +
                      certified + ", podjetje pa ima " + companyTaxNumber +
                      " (company.tax_number); FURS bi račune zavrnil.",
                  "Payment method map (payment_methods): the FURS certificate is issued for tax number " +
                      certified + ", but the company's is " + companyTaxNumber +
                      " (company.tax_number); FURS would refuse the invoices."}});
    } catch (const FiscalConfigError& e) {
        errors.push_back(
            {"payment_methods",
             "payment_methods.fiscal_certificate",
             {"Preslikava načinov plačila (payment_methods): davčno potrjeni načini (" + methods +
                  ") potrebujejo certifikat FURS v nastavitvah gostitelja. " + e.message().sl,
              "Payment method map (payment_methods): the fiscal methods (" + methods +
                  ") need a FURS certificate in host configuration. " + e.message().en}});
    }
    if (!FiscalCode::isTaxNumber(companyTaxNumber))
        errors.push_back(
            {"payment_methods",
             "payment_methods.tax_number",
             {"Preslikava načinov plačila (payment_methods): za davčno potrjene načine (" + methods +
                  ") mora biti v nastavitvah gostitelja davčna številka podjetja (company.tax_number, 8 "
                  "števk).",
              "Payment method map (payment_methods): the fiscal methods (" + methods +
                  ") need the company's tax number in host configuration (company.tax_number, 8 "
                  "digits)."}});
    else if (!sdk::isValidSlovenianTaxNumber(companyTaxNumber))
        errors.push_back(
            {"payment_methods",
             "payment_methods.tax_number_check_digit",
             {"Davčna številka podjetja " + companyTaxNumber +
                  " (company.tax_number) ima napačno kontrolno števko (modul 11); preverite jo v nastavitvah "
                  "gostitelja.",
              "The company's tax number " + companyTaxNumber +
                  " (company.tax_number) has a wrong check digit (modulo 11); check it in host "
                  "configuration."}});
    return errors;
}

}  // namespace estore::host

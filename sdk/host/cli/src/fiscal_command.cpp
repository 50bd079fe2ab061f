#include "estore/host/cli/fiscal_command.h"

#include <Poco/Timestamp.h>

#include <map>
#include <ostream>
#include <regex>

#include "estore/host/cli/command_context.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/furs_client.h"
#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/invoicing/fiscal_premises.h"
#include "estore/host/invoicing/fiscal_submitter.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"

#include "estore/sdk/tax_number.h"

namespace estore::host {

namespace {

constexpr std::int64_t kExpiryWarningDays = 30;

const char* const kPremiseKeys[] = {"validity_date",
                                    "software_supplier",
                                    "type",
                                    "cadastral_number",
                                    "building_number",
                                    "building_section_number",
                                    "street",
                                    "house_number",
                                    "house_number_additional",
                                    "community",
                                    "city",
                                    "postal_code",
                                    "closing",
                                    "notes"};

bool matches(const std::string& text, const char* pattern) {
    return std::regex_match(text, std::regex(pattern));
}

std::string today() {
    const std::string local =
        FiscalCode::ljubljanaTime(Poco::Timestamp().epochMicroseconds() / 1000).isoForm();
    return local.substr(0, 10);
}

/// The certificate's holder, tax number and days left; a warning 30 days before it expires.
void printCertificate(CommandContext& ctx, const FiscalSigner& signer) {
    const X509Certificate certificate = X509Certificate::fromPem(signer.certificatePem());
    const std::int64_t daysLeft =
        (certificate.notAfterEpochSeconds() - Poco::Timestamp().epochMicroseconds() / 1000000) / 86400;
    const std::string days = std::to_string(daysLeft);
    ctx.out() << ctx.t({"Certifikat: ", "Certificate: "}) << certificate.subjectRfc2253() << "\n  "
              << ctx.t({"davčna številka " + certificate.taxNumber() + ", dni do izteka: " + days,
                        "tax number " + certificate.taxNumber() + ", valid for " + days + " more days"})
              << "\n";
    if (daysLeft < kExpiryWarningDays)
        ctx.out() << "  ! "
                  << ctx.t({"Certifikat FURS kmalu poteče (dni do izteka: " + days +
                                "): pridobite novega (eDavki).",
                            "The FURS certificate expires in " + days + " days: get a new one (eDavki)."})
                  << "\n";
}

}  // namespace

int FiscalCommand::run(CommandContext& ctx) {
    const auto& args = ctx.args();
    if (args.size() == 1 && args[0] == "status") return status(ctx);
    if (args.size() == 1 && args[0] == "echo") return echo(ctx);
    if (args.size() == 1 && args[0] == "submit") return submit(ctx);
    if (args.size() == 3 && args[0] == "premise" && args[1] == "register")
        return registerPremise(ctx, args[2]);
    return ctx.usageLine(
        "fiscal status | fiscal echo | fiscal submit | fiscal premise register PREMISE [--set key=value …]");
}

int FiscalCommand::status(CommandContext& ctx) {
    InvoiceRepository invoices(ctx.database());
    const auto counts = invoices.fiscalStateCounts();
    const auto premises = FiscalPremises(ctx.database()).list();
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        auto states = JsonCodec::newObject();
        for (const auto& [state, count] : counts) states->set(state, static_cast<Poco::Int64>(count));
        root->set("invoices", states);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& p : premises) {
            auto o = JsonCodec::newObject();
            o->set("tax_number", p.taxNumber);
            o->set("premise", p.premise);
            o->set("validity_date", p.validityDate);
            o->set("closed", p.closed);
            list->add(o);
        }
        root->set("premises", list);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    const host_api::Text none = {" jih ni", " none"};
    ctx.out() << ctx.t({"Davčno potrjeni računi:", "Fiscal verification of invoices:"});
    if (counts.empty()) ctx.out() << ctx.t(none);
    for (const auto& [state, count] : counts) ctx.out() << " " << state << "=" << count;
    ctx.out() << "\n"
              << ctx.t(
                     {"Poslovni prostori, prijavljeni pri FURS:", "Business premises registered with FURS:"});
    if (premises.empty()) ctx.out() << ctx.t(none);
    for (const auto& p : premises)
        ctx.out() << " " << p.premise << (p.closed ? ctx.t({" (zaprt)", " (closed)"}) : "")
                  << ctx.t({" od ", " from "}) << p.validityDate;
    ctx.out() << "\nFURS: " << FursSettings::from(ctx.config()).baseUrl << "\n";
    try {
        printCertificate(ctx, *FiscalSigner::fromConfig(ctx.config()));
    } catch (const FiscalConfigError& e) {
        ctx.out() << ctx.t({"Certifikat: ", "Certificate: "}) << ctx.t(e.message()) << "\n";
    }
    return kExitOk;
}

int FiscalCommand::echo(CommandContext& ctx) {
    const auto signer = FiscalSigner::fromConfig(ctx.config());
    const FursSettings settings = FursSettings::from(ctx.config());
    const FursAnswer answer = FursClient(settings, *signer).echo();
    if (!answer.accepted()) {
        if (ctx.options().json)
            return ctx.fail({kExitFailure,
                             "fiscal.furs_unreachable",
                             "transient",
                             {"FURS (" + settings.baseUrl + ") ne odgovarja: " + answer.detail,
                              "FURS (" + settings.baseUrl + ") does not answer: " + answer.detail},
                             "fiscal.furs_url"});
        ctx.err() << "FURS (" << settings.baseUrl << ") " << ctx.t({"ne odgovarja: ", "does not answer: "})
                  << answer.detail << "\n";
        return kExitFailure;
    }
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("furs_url", settings.baseUrl);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << "FURS (" << settings.baseUrl << ") " << ctx.t({"odgovarja.", "answers."}) << "\n";
    return kExitOk;
}

int FiscalCommand::submit(CommandContext& ctx) {
    FiscalSubmitter submitter(ctx.database(), ctx.config(), ctx.host().activity());
    FiscalPass total;
    // Until nothing due is left, or FURS stops answering (the pass then leaves the rest for later).
    for (;;) {
        const FiscalPass pass = submitter.submitDue();
        total.verified += pass.verified;
        total.failed += pass.failed;
        total.warned += pass.warned;
        if (pass.verified == 0 || pass.failed > 0) break;
    }
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("verified", total.verified);
        root->set("failed", total.failed);
        root->set("warned", total.warned);
        ctx.out() << JsonCodec::stringify(root) << "\n";
    } else {
        ctx.out() << ctx.t({"Potrjenih: ", "Verified: "}) << total.verified
                  << ctx.t({", brez EOR: ", ", still without an EOR: "}) << total.failed << "\n";
    }
    return total.failed > 0 ? kExitFailure : kExitOk;
}

host_api::Text FiscalCommand::premiseFromSets(CommandContext& ctx, FursPremise& premise) {
    std::map<std::string, std::string> sets;
    for (const auto& assignment : ctx.options().sets) {
        std::string key, value;
        if (!SettingsBuilder::parseAssignment(assignment, key, value))
            return {"--set zahteva ključ=vrednost", "--set wants key=value"};
        if (std::find(std::begin(kPremiseKeys), std::end(kPremiseKeys), key) == std::end(kPremiseKeys))
            return {"neznan ključ '" + key + "'", "unknown key '" + key + "'"};
        sets[key] = value;
    }
    auto value = [&sets](const char* key) { return sets.count(key) ? sets[key] : std::string(); };
    premise.validityDate = sets.count("validity_date") ? sets["validity_date"] : today();
    if (!matches(premise.validityDate, R"(\d{4}-\d{2}-\d{2})"))
        return {"validity_date mora biti LLLL-MM-DD", "validity_date must be YYYY-MM-DD"};
    const std::string supplier = sets.count("software_supplier")
                                     ? sets["software_supplier"]
                                     : ctx.config().getString("fiscal.software_supplier", "");
    if (supplier.empty())
        return {
            "software_supplier (ali nastavitev gostitelja fiscal.software_supplier) je obvezen: davčna "
            "številka dobavitelja programske opreme ali ime tujega dobavitelja",
            "software_supplier (or host config fiscal.software_supplier) is required: the software "
            "supplier's tax number, or a foreign supplier's name"};
    if (FiscalCode::isTaxNumber(supplier) && !sdk::isValidSlovenianTaxNumber(supplier))
        return {"software_supplier " + supplier +
                    " ima napačno kontrolno števko (modul 11) slovenske davčne številke",
                "software_supplier " + supplier +
                    " has a wrong check digit (modulo 11) for a Slovenian tax number"};
    (FiscalCode::isTaxNumber(supplier) ? premise.softwareSupplierTaxNumber : premise.softwareSupplierName) =
        supplier;
    premise.closing = value("closing") == "true";
    premise.specialNotes = value("notes");
    if (!value("cadastral_number").empty()) {
        FursPremise::RealEstate r{value("cadastral_number"),
                                  value("building_number"),
                                  value("building_section_number"),
                                  value("street"),
                                  value("house_number"),
                                  value("house_number_additional"),
                                  value("community"),
                                  value("city"),
                                  value("postal_code")};
        if (!matches(r.cadastralNumber, R"(\d{1,4})") || !matches(r.buildingNumber, R"(\d{1,5})") ||
            !matches(r.buildingSectionNumber, R"(\d{1,4})"))
            return {
                "za poslovni prostor v stavbi so obvezni cadastral_number (1-4 števke), building_number "
                "(1-5) in building_section_number (1-4)",
                "cadastral_number (1-4 digits), building_number (1-5) and building_section_number (1-4) "
                "are required for a premise in a building"};
        if (r.street.empty() || r.houseNumber.empty() || r.community.empty() || r.city.empty() ||
            !matches(r.postalCode, R"(\d{4})"))
            return {
                "za poslovni prostor v stavbi so obvezni street, house_number, community, city in "
                "postal_code (4 števke)",
                "street, house_number, community, city and postal_code (4 digits) are required for a "
                "premise in a building"};
        premise.realEstate = r;
    } else {
        premise.premiseType = value("type");
        if (premise.premiseType != "A" && premise.premiseType != "B" && premise.premiseType != "C")
            return {
                "podajte type=A (premičen), B (stalno mesto) ali C (posamezna elektronska naprava) ali "
                "cadastral_number, building_number, building_section_number in naslov stavbe",
                "give type=A (movable), B (fixed spot) or C (a lone electronic device), or the building's "
                "cadastral_number, building_number, building_section_number and address"};
    }
    return {};
}

int FiscalCommand::registerPremise(CommandContext& ctx, const std::string& premiseId) {
    FursPremise premise;
    premise.premise = premiseId;
    premise.taxNumber = ctx.config().getString("company.tax_number", "");
    if (!matches(premiseId, R"([0-9a-zA-Z]{1,20})"))
        return ctx.usage(
            {"oznaka poslovnega prostora ima 1-20 črk in števk (kot na računu), podano '" + premiseId + "'",
             "the premise ID has 1-20 letters and digits (as on the invoice), got '" + premiseId + "'"});
    if (!FiscalCode::isTaxNumber(premise.taxNumber))
        return ctx.usage({"v nastavitvah gostitelja mora biti company.tax_number (8 števk)",
                          "company.tax_number (8 digits) must be set in host configuration"});
    if (!sdk::isValidSlovenianTaxNumber(premise.taxNumber))
        return ctx.usage(
            {"company.tax_number " + premise.taxNumber +
                 " ima napačno kontrolno števko (modul 11); preverite jo v nastavitvah gostitelja",
             "company.tax_number " + premise.taxNumber +
                 " has a wrong check digit (modulo 11); check it in host configuration"});
    if (const host_api::Text problem = premiseFromSets(ctx, premise); !problem.sl.empty())
        return ctx.usage(
            {"fiscal premise register: " + problem.sl, "fiscal premise register: " + problem.en});
    const auto signer = FiscalSigner::fromConfig(ctx.config());
    const FursAnswer answer = FursClient(FursSettings::from(ctx.config()), *signer).registerPremise(premise);
    if (!answer.accepted()) {
        ctx.err() << ctx.t({"Prijava poslovnega prostora " + premiseId + " pri FURS ni uspela: ",
                            "FURS did not register business premise " + premiseId + ": "})
                  << answer.detail << "\n";
        return kExitFailure;
    }
    FiscalPremises(ctx.database())
        .record({premise.taxNumber, premiseId, Database::nowMillis(), premise.validityDate, premise.closing});
    ctx.out() << ctx.t({"Poslovni prostor " + premiseId + (premise.closing ? " je zaprt" : " je prijavljen") +
                            " pri FURS (od " + premise.validityDate + ").",
                        "Business premise " + premiseId +
                            (premise.closing ? " is closed" : " is registered") + " with FURS (from " +
                            premise.validityDate + ")."})
              << "\n";
    return kExitOk;
}

}  // namespace estore::host

#include "estore/host/enrollment/store_enrollment.h"

#include "estore/host/core/redactor.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/invoicing/invoice_config_check.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using estore::host_api::ErrorCategory;
using estore::host_api::Outcome;

namespace estore::host {

namespace {

Outcome pluginThrew(const std::string& call, const std::string& what) {
    return Outcome::failure(ErrorCategory::Permanent, "host.plugin_threw",
                            {"Vtičnik je pri klicu " + call + " vrgel izjemo.",
                             "The plugin threw an exception from " + call + "."},
                            what);
}

EnrollmentResult stopped(const std::string& stage, Outcome outcome,
                         std::vector<host_api::FieldError> fieldErrors = {}) {
    EnrollmentResult result;
    result.stage = stage;
    result.outcome = std::move(outcome);
    result.fieldErrors = std::move(fieldErrors);
    return result;
}

}  // namespace

host_api::Validation StoreEnrollment::validate(host_api::ElectronicStore& plugin,
                                               const host_api::Settings& settings,
                                               const host_api::Settings& secrets) {
    // The contract says the plugin never throws; a host still must not die if one does.
    try {
        host_api::Validation validation = plugin.validate(settings, secrets, _host.services());
        // Auto-invoicing is the host's feature: what it needs from host configuration is checked here.
        for (auto& error : InvoiceConfigCheck::check(settings, _host.config()))
            validation.fieldErrors.push_back(std::move(error));
        return validation;
    } catch (const std::exception& e) {
        return {pluginThrew("validate", e.what()), {}, {}, {}};
    } catch (...) {
        return {pluginThrew("validate", "unknown exception"), {}, {}, {}};
    }
}

host_api::Settings StoreEnrollment::storedSettings(const host_api::Settings& given,
                                                   const host_api::Validation& validation,
                                                   const std::vector<host_api::FieldSpec>& fields) {
    host_api::Settings stored = given;
    for (const auto& [key, value] : validation.normalized) stored[key] = value;
    for (const auto& field : fields)
        if (isSecretField(field)) stored.erase(field.id);
    return stored;
}

EnrollmentResult StoreEnrollment::enroll(host_api::ElectronicStore& plugin, const std::string& platformId,
                                         const std::vector<host_api::FieldSpec>& fields,
                                         const host_api::Settings& settings,
                                         const host_api::Settings& secrets) {
    std::vector<std::string> secretValues;
    for (const auto& [name, value] : secrets) secretValues.push_back(value);
    const Redactor redactor(secretValues);

    begin("validate");
    host_api::Validation validation = validate(plugin, settings, secrets);
    if (auto refused = refusal(validation, redactor)) return *refused;
    begin("activate");

    StoreRecord store;
    store.platform = platformId;
    store.settings = storedSettings(settings, validation, fields);
    store.shop = validation.shop;
    store.status = StoreRepository::kActive;
    EnrollmentResult result = persist(plugin, std::move(store), secrets);
    result.outcome = redactor.scrub(result.outcome);
    return result;
}

std::optional<EnrollmentResult> StoreEnrollment::refusal(host_api::Validation& validation,
                                                         const Redactor& redactor) {
    for (auto& error : validation.fieldErrors) error.message = redactor.scrub(error.message);
    if (!validation.outcome.ok())
        return stopped("validate", redactor.scrub(validation.outcome), validation.fieldErrors);
    if (!validation.fieldErrors.empty()) {
        const auto& first = validation.fieldErrors.front();
        return stopped("validate",
                       Outcome::failure(ErrorCategory::Config, first.code, first.message, {}, first.field),
                       validation.fieldErrors);
    }
    return std::nullopt;
}

Outcome StoreEnrollment::activate(host_api::ElectronicStore& plugin, const StoreRecord& store) {
    try {
        return plugin.activate(store.ref(), _host.services());
    } catch (const std::exception& e) {
        return pluginThrew("activate", e.what());
    } catch (...) {
        return pluginThrew("activate", "unknown exception");
    }
}

EnrollmentResult StoreEnrollment::persist(host_api::ElectronicStore& plugin, StoreRecord store,
                                          const host_api::Settings& secrets) {
    Database& db = _host.database();
    StoreRepository stores(db);
    JobRepository jobs(db);
    try {
        Transaction tx(db);
        store.id = stores.newId(store.platform);
        stores.insert(store);
        _host.secrets().store(store.id, secrets);

        const Outcome activated = activate(plugin, store);
        if (!activated.ok()) {
            tx.rollback();
            return stopped("activate", activated);
        }
        _host.activity().record(
            store.id, host_api::ActivityLevel::Info, "store.added",
            {"Trgovina je povezana: " + store.shop.name, "Store connected: " + store.shop.name},
            "platform=" + store.platform);
        tx.commit();
    } catch (const std::exception& e) {
        return stopped("storage", hostFailure("add store", e));
    }

    EnrollmentResult result;
    result.stage = "done";
    result.store = stores.find(store.id).value_or(store);
    result.jobs = jobs.list(store.id);
    return result;
}

}  // namespace estore::host

namespace estore::host {

EnrollmentResult StoreEnrollment::reconfigure(host_api::ElectronicStore& plugin, const StoreRecord& store,
                                              const std::vector<host_api::FieldSpec>& fields,
                                              const host_api::Settings& changes,
                                              const host_api::Settings& secretChanges) {
    host_api::Settings settings = store.settings;
    for (const auto& [key, value] : changes) settings[key] = value;
    // validate() checks the whole set, so the secrets the user does not change come from storage.
    host_api::Settings secrets;
    for (const auto& field : fields)
        if (isSecretField(field))
            if (auto value = _host.secrets().read(store.id, field.id)) secrets[field.id] = *value;
    for (const auto& [key, value] : secretChanges) secrets[key] = value;

    std::vector<std::string> secretValues = _host.secrets().values(store.id);
    for (const auto& [name, value] : secretChanges) secretValues.push_back(value);
    const Redactor redactor(secretValues);

    begin("validate");
    host_api::Validation validation = validate(plugin, settings, secrets);
    if (auto refused = refusal(validation, redactor)) return *refused;
    begin("activate");

    StoreRecord changed = store;
    changed.settings = storedSettings(settings, validation, fields);
    changed.shop = validation.shop;
    EnrollmentResult result = persistChanges(plugin, std::move(changed), secretChanges);
    result.outcome = redactor.scrub(result.outcome);
    return result;
}

EnrollmentResult StoreEnrollment::persistChanges(host_api::ElectronicStore& plugin, StoreRecord store,
                                                 const host_api::Settings& secretChanges) {
    Database& db = _host.database();
    StoreRepository stores(db);
    try {
        Transaction tx(db);
        stores.updateConfiguration(store.id, store.settings, store.shop);
        _host.secrets().store(store.id, secretChanges);
        // activate() registers the jobs again with the new settings (e.g. import turned off or on).
        const Outcome activated = activate(plugin, store);
        if (!activated.ok()) {
            tx.rollback();
            return stopped("activate", activated);
        }
        stores.setActive(store.id);
        _host.activity().record(store.id, host_api::ActivityLevel::Info, "store.configured",
                                {"Nastavitve trgovine so spremenjene; trgovina je aktivna.",
                                 "The store's settings were changed; the store is active."},
                                "platform=" + store.platform);
        tx.commit();
    } catch (const std::exception& e) {
        return stopped("storage", hostFailure("configure store", e));
    }

    EnrollmentResult result;
    result.stage = "done";
    result.store = stores.find(store.id).value_or(store);
    result.jobs = JobRepository(db).list(store.id);
    return result;
}

}  // namespace estore::host

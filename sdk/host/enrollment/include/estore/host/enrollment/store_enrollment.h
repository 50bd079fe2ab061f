#pragma once
// Adding a store: the one code path behind both `add-store` and `demo`. The plugin validates the
// settings live against the shop; only then, in a single transaction, the host stores the store, its
// secrets and identity and lets the plugin activate it (register its jobs). Any failure leaves nothing
// behind. Changing a store's settings (`configure`) goes the same way: validate the whole new settings,
// then store them, activate again and set the store active, all or nothing.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host_api/electronic_store.h"

namespace estore::host {

class HostServiceSet;
class Redactor;

struct EnrollmentResult {
    std::string stage;  ///< where it stopped: "validate", "activate", "storage"; "done" on success
    host_api::Outcome outcome;
    std::vector<host_api::FieldError> fieldErrors;
    StoreRecord store;            ///< the stored store, on success
    std::vector<JobRecord> jobs;  ///< its registered jobs, on success

    bool ok() const { return outcome.ok() && fieldErrors.empty(); }
};

class StoreEnrollment {
public:
    explicit StoreEnrollment(HostServiceSet& host) : _host(host) {}

    /// Told as each stage begins, for a person watching (the CLI's progress): "validate" (the plugin checks
    /// the settings live with the shop, the slow part), then "activate" (the store is stored and its jobs
    /// registered).
    using StageListener = std::function<void(const std::string& stage)>;
    void onStage(StageListener listener) { _onStage = std::move(listener); }

    EnrollmentResult enroll(host_api::ElectronicStore& plugin, const std::string& platformId,
                            const std::vector<host_api::FieldSpec>& fields,
                            const host_api::Settings& settings, const host_api::Settings& secrets);

    /// Validates the store's settings with `changes` applied (secrets: the stored ones with
    /// `secretChanges` on top); on success stores them, re-activates the store and resumes it (active).
    /// On failure nothing changes.
    EnrollmentResult reconfigure(host_api::ElectronicStore& plugin, const StoreRecord& store,
                                 const std::vector<host_api::FieldSpec>& fields,
                                 const host_api::Settings& changes, const host_api::Settings& secretChanges);

private:
    host_api::Validation validate(host_api::ElectronicStore& plugin, const host_api::Settings& settings,
                                  const host_api::Settings& secrets);
    /// The settings as the plugin normalised them, never holding a secret field.
    static host_api::Settings storedSettings(const host_api::Settings& given,
                                             const host_api::Validation& validation,
                                             const std::vector<host_api::FieldSpec>& fields);
    /// Runs validate() and turns its refusal into a stopped result; nullopt when the settings are good.
    std::optional<EnrollmentResult> refusal(host_api::Validation& validation, const Redactor& redactor);
    EnrollmentResult persist(host_api::ElectronicStore& plugin, StoreRecord store,
                             const host_api::Settings& secrets);
    EnrollmentResult persistChanges(host_api::ElectronicStore& plugin, StoreRecord store,
                                    const host_api::Settings& secretChanges);
    host_api::Outcome activate(host_api::ElectronicStore& plugin, const StoreRecord& store);

    void begin(const std::string& stage) const {
        if (_onStage) _onStage(stage);
    }

    HostServiceSet& _host;
    StageListener _onStage;
};

}  // namespace estore::host

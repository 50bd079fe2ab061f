#pragma once
// `estore-host add-store --platform ID --set key=value … [--json]`: the "Dodaj elektronsko trgovino"
// dialog on the command line. The demo adds its store through addStore() as well.
#include <functional>
#include <string>
#include <vector>

#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class CommandContext;
class SettingsBuilder;
struct Language;

class AddStoreCommand {
public:
    static int run(CommandContext& ctx);
    /// Loads the platform's plugin, builds the settings, validates, stores and activates; prints the result.
    static int addStore(CommandContext& ctx, const std::string& platformId,
                        const std::vector<std::string>& assignments);

    static void printSuccess(CommandContext& ctx, const EnrollmentResult& result,
                             const host_api::Text& heading = kAdded);
    /// `heading` says what did not happen (configure has its own); by default "cannot be added".
    /// Prints why, and returns the exit code it means (exitCodeOf).
    static int printFailure(CommandContext& ctx, const EnrollmentResult& result,
                            const host_api::Text& heading = kNotAdded);
    /// Builds settings from --set assignments; prints and returns an exit code other than kExitOk when
    /// they name unknown fields or are malformed.
    static int applyAssignments(CommandContext& ctx, SettingsBuilder& builder,
                                const std::vector<std::string>& assignments);

    static inline const host_api::Text kAdded = {"Trgovina je dodana.", "Store added."};
    static inline const host_api::Text kNotAdded = {"Trgovine ni mogoče dodati; nič ni shranjeno.",
                                                    "The store cannot be added; nothing was stored."};

    /// Runs `enroll` (add or reconfigure) with its progress shown: the live check with the shop, then
    /// storing and activating; `task` names it ("Dodajanje trgovine").
    static EnrollmentResult watched(CommandContext& ctx, const host_api::Text& task,
                                    const std::function<EnrollmentResult(StoreEnrollment&)>& enroll);

private:
    /// Asks for the missing required fields at a terminal; false when somebody gave no answer.
    /// kExitAuthentication when the shop refused the credentials or their permissions, kExitValidation
    /// when a setting is wrong (a field error, a configuration error, a shop or site that does not
    /// exist), else kExitFailure (the shop away, a failure on the host's side).
    static int exitCodeOf(const EnrollmentResult& result);
    static bool promptMissing(CommandContext& ctx, SettingsBuilder& builder);
    /// "  [code = name, …]" for a field with choices, the labels in `lang`; empty for a field without.
    static std::string choicesHint(const host_api::FieldSpec& field, host_api::Company& company,
                                   const Language& lang);
};

}  // namespace estore::host

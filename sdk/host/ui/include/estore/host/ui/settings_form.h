#pragma once
// The "Dodaj elektronsko trgovino" form, generated from the platform's dialog fields as its manifest
// declares them: text, secret (never sent back to the browser), choices, the host's master data
// (warehouses, cost centres) as choices, checkboxes, dates, and maps ("key=value; …") as tables of rows.
// Each field carries its help text and, after a refused submit, its error next to it.
#include <map>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::host {

class AdminRequest;
class SettingsBuilder;

/// Field id → the messages shown next to it.
using FieldMessages = std::map<std::string, std::vector<host_api::Text>>;

class SettingsForm {
public:
    /// Empty rows a map's table offers for new entries.
    static constexpr int kSpareMapRows = 3;

    /// The form's fields. `values` are what the fields show (never a secret); `secretsSet` names the
    /// secret fields that hold a value already (shown as "set", left empty to keep it).
    static std::string fields(const AdminRequest& request, const std::vector<host_api::FieldSpec>& specs,
                              const host_api::Settings& values, const FieldMessages& errors,
                              host_api::Company& company, const std::vector<std::string>& secretsSet = {});

    /// Reads the posted form into the builder: a checkbox not sent is "false"; an empty text or secret
    /// is not set (the default, or the stored value, stays). Returns what the user typed, secrets left
    /// out, for showing the form again.
    /// With `emptyClears` (changing a stored store's settings) an emptied text field is set empty rather
    /// than left as it was.
    static host_api::Settings read(AdminRequest& request, const std::vector<host_api::FieldSpec>& specs,
                                   SettingsBuilder& builder, bool emptyClears = false);

    /// The box above a refused form: the headline, then the errors of no field (or, when every error is a
    /// field's, "correct the fields marked below"); empty when nothing was refused.
    static std::string refusal(const AdminRequest& request, const FieldMessages& errors,
                               const host_api::Text& headline);

    /// A stored value as a person reads it (HTML): a flag as yes/no, a choice by its label, a warehouse or
    /// cost centre with its name.
    static std::string display(const AdminRequest& request, const host_api::FieldSpec& spec,
                               const std::string& value, host_api::Company& company);

    /// "a=b; c=d" as rows; an entry without '=' keeps its text as the key.
    static std::vector<std::pair<std::string, std::string>> mapRows(const std::string& value);
    static std::string joinMapRows(const std::vector<std::pair<std::string, std::string>>& rows);

private:
    static std::string control(const AdminRequest& request, const host_api::FieldSpec& spec,
                               const std::string& value, host_api::Company& company, bool secretSet);
    static std::string mapTable(const host_api::FieldSpec& spec, const std::string& value);
};

}  // namespace estore::host

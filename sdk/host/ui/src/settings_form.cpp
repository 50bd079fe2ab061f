#include "estore/host/ui/settings_form.h"

#include <Poco/String.h>

#include <algorithm>

#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/ui/admin_request.h"

namespace estore::host {

namespace {

using host_api::FieldKind;

std::string inputName(const host_api::FieldSpec& spec) {
    return "f_" + spec.id;
}

std::string option(const std::string& value, const std::string& label, const std::string& selected) {
    return "<option value=\"" + Html::escape(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           Html::escape(label) + "</option>";
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> SettingsForm::mapRows(const std::string& value) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(';', start), value.size());
        const std::string entry = Poco::trim(value.substr(start, end - start));
        if (!entry.empty()) {
            const std::size_t eq = entry.find('=');
            if (eq == std::string::npos)
                rows.emplace_back(entry, "");
            else
                rows.emplace_back(Poco::trim(entry.substr(0, eq)), Poco::trim(entry.substr(eq + 1)));
        }
        start = end + 1;
    }
    return rows;
}

std::string SettingsForm::joinMapRows(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string value;
    for (const auto& [key, mapped] : rows) value += (value.empty() ? "" : "; ") + key + "=" + mapped;
    return value;
}

std::string SettingsForm::mapTable(const host_api::FieldSpec& spec, const std::string& value) {
    auto rows = mapRows(value);
    rows.resize(rows.size() + kSpareMapRows);
    std::string html = "<table class=\"map\" id=\"" + Html::escape(inputName(spec)) + "\">";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string n = std::to_string(i);
        html += "<tr><td><input type=\"text\" name=\"" + Html::escape(inputName(spec)) + ".k" + n +
                "\" value=\"" + Html::escape(rows[i].first) +
                "\"></td><td>=</td><td><input type=\"text\" name=\"" + Html::escape(inputName(spec)) + ".v" +
                n + "\" value=\"" + Html::escape(rows[i].second) + "\"></td></tr>";
    }
    return html + "</table>";
}

std::string SettingsForm::control(const AdminRequest& request, const host_api::FieldSpec& spec,
                                  const std::string& value, host_api::Company& company, bool secretSet) {
    const std::string name = Html::escape(inputName(spec));
    // A secret already stored may be left empty: it is kept.
    const bool required = spec.required && !secretSet;
    const std::string common = " id=\"" + name + "\" name=\"" + name + "\"" + (required ? " required" : "") +
                               " aria-describedby=\"help-" + Html::escape(spec.id) + "\"";
    if (isSecretField(spec)) {
        // Never the secret itself: the browser gets an empty box and whether a value is stored.
        const std::string placeholder =
            secretSet
                ? " placeholder=\"" + request.t({"nastavljeno (prazno: ostane)", "set (empty: kept)"}) + "\""
                : "";
        return "<input type=\"password\" autocomplete=\"new-password\"" + common + placeholder + ">";
    }
    switch (spec.kind) {
        case FieldKind::Flag:
            return "<input type=\"checkbox\" value=\"true\" id=\"" + name + "\" name=\"" + name + "\"" +
                   (value == "true" ? " checked" : "") + ">";
        case FieldKind::Date:
            return "<input type=\"date\"" + common + " value=\"" + Html::escape(value) + "\">";
        case FieldKind::Choice: {
            std::string html = "<select" + common + ">";
            for (const auto& choice : spec.choices)
                html += option(choice.value, request.lang().pick(choice.label), value);
            return html + "</select>";
        }
        case FieldKind::HostChoice: {
            std::string html = "<select" + common + "><option value=\"\">" +
                               request.t({"— izberite —", "— choose —"}) + "</option>";
            const auto named =
                spec.hostSource == "cost_centers" ? company.costCenters() : company.warehouses();
            for (const auto& entry : named)
                html += option(entry.code, entry.code + " · " + entry.name, value);
            return html + "</select>";
        }
        case FieldKind::Map: return mapTable(spec, value);
        case FieldKind::Text:
        case FieldKind::Secret:
        case FieldKind::Action: break;
    }
    return "<input type=\"text\"" + common + " value=\"" + Html::escape(value) + "\">";
}

std::string SettingsForm::refusal(const AdminRequest& request, const FieldMessages& errors,
                                  const host_api::Text& headline) {
    if (errors.empty()) return "";
    std::string html =
        "<div class=\"alert\" role=\"alert\" id=\"form-error\"><strong>" + request.t(headline) + "</strong>";
    if (auto general = errors.find(""); general != errors.end())
        for (const auto& message : general->second) html += "<p>" + request.t(message) + "</p>";
    else
        html += "<p>" + request.t({"Popravite označena polja.", "Correct the fields marked below."}) + "</p>";
    return html + "</div>";
}

std::string SettingsForm::display(const AdminRequest& request, const host_api::FieldSpec& spec,
                                  const std::string& value, host_api::Company& company) {
    if (spec.kind == FieldKind::Flag)
        return value == "true" ? request.t({"da", "yes"}) : request.t({"ne", "no"});
    if (spec.kind == FieldKind::Choice)
        for (const auto& choice : spec.choices)
            if (choice.value == value) return request.t(choice.label);
    if (spec.kind == FieldKind::HostChoice) {
        const auto named = spec.hostSource == "cost_centers" ? company.costCenters() : company.warehouses();
        for (const auto& entry : named)
            if (entry.code == value) return Html::escape(entry.code + " · " + entry.name);
    }
    return Html::escape(value);
}

std::string SettingsForm::fields(const AdminRequest& request, const std::vector<host_api::FieldSpec>& specs,
                                 const host_api::Settings& values, const FieldMessages& errors,
                                 host_api::Company& company, const std::vector<std::string>& secretsSet) {
    std::string html;
    for (const auto& spec : specs) {
        if (spec.kind == FieldKind::Action) continue;  // buttons on the store's page, not settings
        auto value = values.find(spec.id);
        const auto error = errors.find(spec.id);
        const bool invalid = error != errors.end();
        const bool check = spec.kind == FieldKind::Flag;
        const std::string id = Html::escape(spec.id);
        html += "<div class=\"field" + std::string(check ? " check" : "") + (invalid ? " invalid" : "") +
                "\" id=\"field-" + id + "\">";
        const std::string label =
            "<label for=\"f_" + id + "\">" + request.t(spec.label) +
            (spec.required ? "<span class=\"required\" aria-hidden=\"true\">*</span>" : "") + "</label>";
        const std::string input = control(request, spec, value == values.end() ? "" : value->second, company,
                                          contains(secretsSet, spec.id));
        html += check ? input + " " + label : label + input;
        if (invalid)  // right under the control, before its help
            for (const auto& message : error->second)
                html += "<p class=\"error\" id=\"error-" + id + "\" role=\"alert\">" + request.t(message) +
                        "</p>";
        if (!spec.help.sl.empty() || !spec.help.en.empty())
            html += "<p class=\"help\" id=\"help-" + id + "\">" + request.t(spec.help) + "</p>";
        html += "</div>";
    }
    return html;
}

host_api::Settings SettingsForm::read(AdminRequest& request, const std::vector<host_api::FieldSpec>& specs,
                                      SettingsBuilder& builder, bool emptyClears) {
    host_api::Settings typed;
    const auto& form = request.form();
    for (const auto& spec : specs) {
        if (spec.kind == FieldKind::Action) continue;
        const std::string name = inputName(spec);
        std::string value;
        if (spec.kind == FieldKind::Flag) {
            value = form.has(name) ? "true" : "false";
        } else if (spec.kind == FieldKind::Map) {
            if (!form.has(name + ".k0")) continue;  // the form had no table for it: not given, not emptied
            std::vector<std::pair<std::string, std::string>> rows;
            for (int i = 0;; ++i) {
                const std::string key = name + ".k" + std::to_string(i);
                if (!form.has(key)) break;
                const std::string k = Poco::trim(form.get(key));
                if (!k.empty())
                    rows.emplace_back(k, Poco::trim(form.get(name + ".v" + std::to_string(i), "")));
            }
            value = joinMapRows(rows);
        } else {
            value = Poco::trim(form.get(name, ""));
        }
        // A secret left empty is kept; other empty fields keep their default, or clear a stored value.
        if (value.empty() && spec.kind != FieldKind::Map && (isSecretField(spec) || !emptyClears)) continue;
        builder.set(spec.id, value);
        if (!isSecretField(spec)) typed[spec.id] = value;
    }
    return typed;
}

}  // namespace estore::host

#include "order_file_store.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "embedded_manifest.h"
#include "estore/sdk/sales_order_json.h"
#include "estore/sdk/settings_check.h"

namespace order_file {

using namespace estore::host_api;
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // a file larger than this is refused, not read

Outcome configError(const std::string& code, Text message, const std::string& field = "file") {
    return Outcome::failure(ErrorCategory::Config, "order_file." + code, std::move(message), {}, field);
}

/// Everything a plugin call does runs inside this: no exception crosses the boundary.
template <typename Result, typename Body, typename Wrap>
Result guarded(Body&& body, Wrap&& wrap) noexcept {
    try {
        return body();
    } catch (const std::exception& e) {
        return wrap(Outcome::failure(ErrorCategory::Permanent, "order_file.internal",
                                     {"Notranja napaka vtičnika.", "Internal error in the plugin."},
                                     e.what()));
    } catch (...) {
        return wrap(Outcome::failure(ErrorCategory::Permanent, "order_file.internal",
                                     {"Notranja napaka vtičnika.", "Internal error in the plugin."}));
    }
}

std::string setting(const Settings& settings, const std::string& key) {
    auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

/// The file's "orders" array, or why it cannot be read. `transient`: the file is not there (yet).
struct OrderArray {
    Poco::JSON::Array::Ptr orders;
    Outcome problem;
};

OrderArray readOrders(const std::string& path) {
    OrderArray result;
    std::error_code ec;
    if (path.empty()) {
        result.problem = configError("file.missing_setting", {"Vnesite pot do datoteke z naročili.",
                                                              "Enter the path of the order file."});
        return result;
    }
    if (!fs::is_regular_file(path, ec)) {
        result.problem =
            Outcome::failure(ErrorCategory::Transient, "order_file.file.absent",
                             {"Datoteke " + path + " ni (še); uvoz bo poskusil znova.",
                              "The file " + path + " is not there (yet); the import will try again."},
                             {}, "file");
        return result;
    }
    if (fs::file_size(path, ec) > kMaxFileBytes) {
        result.problem = configError("file.too_large", {"Datoteka " + path + " je večja od 64 MiB.",
                                                        "The file " + path + " is larger than 64 MiB."});
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
        result.orders = root ? root->getArray("orders") : nullptr;
    } catch (const std::exception&) {
        result.orders = nullptr;
    }
    if (!result.orders)
        result.problem = configError("file.not_orders",
                                     {"Datoteka " + path + " ni JSON oblike {\"orders\": [...]}.",
                                      "The file " + path + " is not JSON of the form {\"orders\": [...]}."});
    return result;
}

JobReport failed(Outcome outcome) {
    JobReport report;
    report.summary = outcome.message;
    report.outcome = std::move(outcome);
    return report;
}

}  // namespace

OrderFileStore::OrderFileStore() {
    auto parsed = estore::sdk::ManifestReader::parse(embeddedManifestJson(), {});
    if (parsed.ok()) _manifest = *parsed.manifest;
}

StoreDescriptor OrderFileStore::describe() const {
    return _manifest.descriptor;
}

Validation OrderFileStore::validate(const Settings& settings, const Settings&, HostServices& host) {
    return guarded<Validation>(
        [&] {
            Validation v;
            v.normalized = settings;
            v.fieldErrors = estore::sdk::checkFields(_manifest.descriptor.fields, v.normalized, host.company);
            if (!v.fieldErrors.empty()) {
                const FieldError& first = v.fieldErrors.front();
                v.outcome = configError(first.code, first.message, first.field);
                return v;
            }
            const OrderArray file = readOrders(setting(v.normalized, "file"));
            if (!file.orders) {
                v.outcome = file.problem;
                v.fieldErrors.push_back({"file", file.problem.code, file.problem.message});
                return v;
            }
            v.shop.name = fs::path(setting(v.normalized, "file")).filename().string();
            v.shop.catalogVersion = "NONE";
            v.shop.facts["orders"] = std::to_string(file.orders->size());
            return v;
        },
        [](Outcome o) {
            Validation v;
            v.outcome = std::move(o);
            return v;
        });
}

Outcome OrderFileStore::activate(const StoreRef& store, HostServices& host) {
    return guarded<Outcome>(
        [&] {
            if (setting(store.settings, "import_orders") == "false") return Outcome::success();
            for (const auto& job : _manifest.descriptor.jobs) {
                Outcome scheduled =
                    host.scheduler->schedule(store.storeId, {job.id, job.defaultIntervalSeconds, 0});
                if (!scheduled.ok()) return scheduled;
            }
            return Outcome::success();
        },
        [](Outcome o) { return o; });
}

Outcome OrderFileStore::deactivate(const StoreRef& store, HostServices& host) {
    return guarded<Outcome>(
        [&] {
            for (const auto& job : _manifest.descriptor.jobs) host.scheduler->cancel(store.storeId, job.id);
            return Outcome::success();
        },
        [](Outcome o) { return o; });
}

JobReport OrderFileStore::runJob(const JobRequest& job, HostServices& host) {
    return guarded<JobReport>(
        [&] {
            if (job.jobId != "orders.import")
                return failed(Outcome::failure(
                    ErrorCategory::Permanent, "order_file.unknown_job",
                    {"Neznano opravilo " + job.jobId + ".", "Unknown job " + job.jobId + "."}, job.jobId));
            return importOrders(job.store, host);
        },
        [](Outcome o) { return failed(std::move(o)); });
}

JobReport OrderFileStore::importOrders(const StoreRef& store, HostServices& host) {
    if (!host.salesOrders)
        return failed(
            Outcome::failure(ErrorCategory::Permanent, "order_file.no_sales_orders",
                             {"Gostitelj ne sprejema naročil.", "The host takes no sales orders."}));
    const OrderArray file = readOrders(setting(store.settings, "file"));
    if (!file.orders) return failed(file.problem);
    JobReport report;
    std::int64_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    for (std::size_t i = 0; i < file.orders->size(); ++i) {
        std::string error;
        auto object = file.orders->getObject(static_cast<unsigned>(i));
        auto order = object ? estore::sdk::salesOrderFromJson(object, &error) : std::nullopt;
        if (!order) {
            ++skipped;
            if (host.activity)
                host.activity->record(
                    store.storeId, ActivityLevel::Error, "order_file.order.skipped",
                    {"Naročilo št. " + std::to_string(i + 1) + " v datoteki ni veljavno: " + error,
                     "Order no. " + std::to_string(i + 1) + " in the file is not valid: " + error},
                    error);
            continue;
        }
        UpsertResult result = UpsertResult::Unchanged;
        const Outcome stored = host.salesOrders->upsert(store.storeId, *order, result);
        if (!stored.ok()) return failed(stored);  // the host could not store: try the whole file again later
        (result == UpsertResult::Created ? created : result == UpsertResult::Updated ? updated : unchanged)++;
    }
    report.counts = {{"orders.created", created},
                     {"orders.updated", updated},
                     {"orders.unchanged", unchanged},
                     {"orders.skipped", skipped}};
    report.summary = {"Uvoženih naročil: " + std::to_string(created + updated) +
                          ", preskočenih: " + std::to_string(skipped) + ".",
                      "Orders imported: " + std::to_string(created + updated) +
                          ", skipped: " + std::to_string(skipped) + "."};
    return report;
}

WebhookAck OrderFileStore::onWebhook(const StoreRef&, const WebhookRequest&, HostServices&) {
    WebhookAck ack;
    ack.outcome =
        Outcome::failure(ErrorCategory::Permanent, "order_file.no_webhook",
                         {"Ta vtičnik nima spletnih klicev (webhook).", "This plugin has no webhook."});
    ack.httpStatus = 404;
    return ack;
}

}  // namespace order_file

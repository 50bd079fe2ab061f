#include "estore/host/demo_command.h"

#include <filesystem>
#include <ostream>

#include "estore/host/add_store_command.h"
#include "estore/host/command_context.h"
#include "estore/host/host_config.h"
#include "estore/host/sandbox_process.h"

namespace estore::host {

namespace {

constexpr const char* kDemoDir = "estore-demo";

/// The demo starts from nothing each time: the old database (and its WAL files) go.
std::filesystem::path freshDatabase(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto db = dir / "estore.db";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(std::filesystem::path(db.string() + suffix));
    return db;
}

}  // namespace

int DemoCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage("demo takes no arguments");
    auto& out = ctx.out();
    const auto dir = std::filesystem::absolute(kDemoDir);
    if (!ctx.options().db.empty())
        ctx.err() << "demo: --db ignored; the demo always uses its own database in " << dir.string() << "\n";
    const auto db = freshDatabase(dir);

    out << "Demo: e-računi + Wix (lokalni peskovnik / local sandbox)\n\n";
    SandboxProcess sandbox(ctx.executableDir() / "wix-sandbox", {"--seed", "1"}, dir / "wix-sandbox.log");
    SandboxIdentity identity;
    try {
        sandbox.start();
        identity = sandbox.seededIdentity();
    } catch (const std::exception& e) {
        ctx.err() << "Peskovnika Wix ni mogoče zagnati. / Cannot start the Wix sandbox.\n  " << e.what()
                  << "\n";
        return kExitFailure;
    }
    out << "1. Peskovnik Wix teče / Wix sandbox running: " << sandbox.baseUrl() << "\n"
        << "   Trgovina / site: " << identity.siteId << "\n"
        << "   API ključ / API key: iz peskovnika, ne prikazujemo / from the sandbox, not shown\n\n";

    // Exactly what a person would type into the dialog, including the pasted dashboard address.
    ctx.config().setOverride("wix.api_base_url", sandbox.baseUrl());
    ctx.options().db = db.string();
    ctx.options().json = false;
    const std::string dashboard = "https://manage.wix.com/dashboard/" + identity.siteId + "/home";
    out << "2. Dodajanje trgovine / adding the store:\n"
        << "   site_id=" << dashboard << "\n   warehouse=GLAVNO  cost_center=SPLET\n\n";
    const int rc = AddStoreCommand::addStore(
        ctx, "wix",
        {"api_key=" + identity.apiKey, "site_id=" + dashboard, "warehouse=GLAVNO", "cost_center=SPLET"});

    sandbox.stop();
    out << "\nPodatkovna baza / database: " << db.string() << "\n"
        << "Dnevnik peskovnika / sandbox log: " << (dir / "wix-sandbox.log").string() << "\n";
    out << "Peskovnik je ustavljen. / The sandbox has been stopped.\n";
    if (rc == kExitOk)
        out << "Naprej / next: estore-host --db " << db.string()
            << " stores   (ali / or: jobs, activity wix-1)\n";
    return rc;
}

}  // namespace estore::host

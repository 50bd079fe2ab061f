#include "estore/host/cli/secrets_command.h"

#include "estore/host/cli/command_context.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/host_service_set.h"

namespace estore::host {

int SecretsCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1 || ctx.args()[0] != "rotate-key") return ctx.usageLine("secrets rotate-key");
    HostServiceSet& host = ctx.host();
    SecretKeyring& keyring = host.keyring();
    if (keyring.fromEnvironment()) {
        ctx.err() << ctx.t({"Ključ za skrivnosti je v spremenljivki ESTORE_SECRET_KEY: zamenjajte ga tam.",
                            "The secrets key comes from ESTORE_SECRET_KEY: rotate it there."})
                  << "\n";
        return kExitFailure;
    }
    const std::string before = keyring.currentKeyId();
    keyring.addNewKey();
    const std::size_t resealed = host.secrets().resealAll();
    keyring.dropOldKeys();
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("old_key_id", before);
        root->set("key_id", keyring.currentKeyId());
        root->set("secrets_resealed", static_cast<Poco::Int64>(resealed));
        root->set("key_file", keyring.file().string());
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Ključ za skrivnosti je zamenjan: ", "Secrets key rotated: "}) << before << " -> "
              << keyring.currentKeyId() << "\n"
              << ctx.t({"Znova zapečatenih skrivnosti: ", "Secrets sealed again: "}) << resealed << "\n"
              << ctx.t({"Datoteka s ključem: ", "Key file: "}) << keyring.file().string() << "\n";
    return kExitOk;
}

}  // namespace estore::host

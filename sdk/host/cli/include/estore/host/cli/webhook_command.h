#pragma once
// `estore-host webhook STORE_ID --generate [--json]` issues the store's webhook URL (revoking any
// earlier one) and prints it once, with the steps to add it in Wix; `--revoke` withdraws it.
#include <string>

namespace estore::host {

class CommandContext;

class WebhookCommand {
public:
    static int run(CommandContext& ctx);
    /// host.public_url without a trailing slash (default http://127.0.0.1:8080).
    static std::string publicBaseUrl(CommandContext& ctx);
    /// The store's URL for a token: base + /estore/webhook/ + token.
    static std::string urlFor(const std::string& baseUrl, const std::string& token);
    /// Issues a new token for the store, stores its hash and returns the URL (for the demo, too).
    static std::string generate(CommandContext& ctx, const std::string& storeId);

private:
    static int printGenerated(CommandContext& ctx, const std::string& storeId, const std::string& url);
    static int revoke(CommandContext& ctx, const std::string& storeId);
};

}  // namespace estore::host

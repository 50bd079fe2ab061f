#pragma once
// `estore-host fiscal …`: fiscal verification with FURS.
//   fiscal status [--json]                  invoices by FURS state, registered premises, the certificate
//   fiscal echo                             is FURS reachable with this certificate (EchoRequest)
//   fiscal submit [--json]                  send every fiscal invoice still without its EOR now
//   fiscal premise register PREMISE --set … register (or with --set closing=true close) a business premise
#include <string>

#include "estore/host_api/outcome.h"

namespace estore::host {

class CommandContext;
struct FursPremise;

class FiscalCommand {
public:
    static int run(CommandContext& ctx);

private:
    static int status(CommandContext& ctx);
    static int echo(CommandContext& ctx);
    static int submit(CommandContext& ctx);
    static int registerPremise(CommandContext& ctx, const std::string& premise);
    /// The premise's data from --set keys and host configuration; an empty text or the problem to report.
    static host_api::Text premiseFromSets(CommandContext& ctx, FursPremise& premise);
};

}  // namespace estore::host

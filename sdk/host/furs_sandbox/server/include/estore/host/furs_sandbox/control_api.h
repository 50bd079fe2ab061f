#pragma once
// The /_sandbox/ control paths (README.md "Control API"): certificates, revocations, faults, and what the
// sandbox received. They need no client certificate, so a test or the demo can get its first one here.
#include <string>

#include "estore/host/furs_sandbox/furs_reply.h"

namespace furs_sandbox {

class FursSandbox;

class ControlApi {
public:
    static constexpr const char* kPrefix = "/_sandbox/";

    explicit ControlApi(FursSandbox& sandbox) : _sandbox(sandbox) {}

    FursReply handle(const std::string& method, const std::string& path, const std::string& body);

private:
    FursReply certificates(const std::string& body);
    FursReply revocations(const std::string& body);
    FursReply faults(const std::string& method, const std::string& body);
    FursReply invoices() const;
    FursReply premises() const;
    FursReply stats(const std::string& method);
    FursReply ca() const;

    FursSandbox& _sandbox;
};

}  // namespace furs_sandbox

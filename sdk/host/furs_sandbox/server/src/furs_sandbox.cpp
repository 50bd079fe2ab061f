#include "estore/host/furs_sandbox/furs_sandbox.h"

#include <stdexcept>

#include "estore/host/furs_sandbox/control_api.h"
#include "estore/host/furs_sandbox/fault_switch.h"
#include "estore/host/furs_sandbox/fiscal_ledger.h"
#include "estore/host/furs_sandbox/furs_api.h"
#include "estore/host/furs_sandbox/furs_handler_factory.h"
#include "estore/host/furs_sandbox/furs_server.h"
#include "estore/host/furs_sandbox/request_counter.h"
#include "estore/host/furs_sandbox/sandbox_pki.h"

namespace furs_sandbox {

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kFiveYears = 5 * 365 * kDay;  // FURS's test certificates run for about 5 years

const FursSandboxOptions& checked(const FursSandboxOptions& options) {
    if (options.stateDir.empty()) throw std::invalid_argument("furs-sandbox needs a state folder");
    if (!FursServer::isLoopback(options.bindAddress))
        throw std::invalid_argument("furs-sandbox listens on a loopback address only, not \"" +
                                    options.bindAddress + "\"");
    return options;
}

}  // namespace

FursSandbox::FursSandbox(FursSandboxOptions options)
    : _options(checked(options)),
      _pki(std::make_unique<SandboxPki>(_options.stateDir)),
      _ledger(std::make_unique<FiscalLedger>(_options.keepLedger
                                                 ? std::filesystem::path(_options.stateDir) / "ledger.jsonl"
                                                 : std::filesystem::path())),
      _faults(std::make_unique<FaultSwitch>()),
      _counter(std::make_unique<RequestCounter>()),
      _api(std::make_unique<FursApi>(*_pki, *_ledger, *_faults, *_counter)),
      _control(std::make_unique<ControlApi>(*this)) {}

FursSandbox::~FursSandbox() {
    stop();
}

void FursSandbox::start() {
    std::lock_guard lock(_mutex);
    if (_server) return;
    _faults->allowSleeps();
    _server = std::make_unique<FursServer>(new FursHandlerFactory(*_api, *_control), *_faults, *_counter,
                                           *_pki, _options);
}

void FursSandbox::stop() {
    std::unique_ptr<FursServer> server;
    {
        std::lock_guard lock(_mutex);
        server = std::move(_server);
    }
    // Wake handlers sleeping in a timeout fault, so the server's threads can end.
    _faults->interruptSleeps();
    server.reset();
}

bool FursSandbox::running() const {
    std::lock_guard lock(_mutex);
    return _server != nullptr;
}

unsigned short FursSandbox::port() const {
    std::lock_guard lock(_mutex);
    return _server ? _server->port() : 0;
}

std::string FursSandbox::baseUrl() const {
    const std::string& host = _options.bindAddress;
    const bool ipv6 = host.find(':') != std::string::npos;
    return "https://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port());
}

std::string FursSandbox::stateDir() const {
    return _pki->stateDir().string();
}

std::string FursSandbox::caFile() const {
    return _pki->caFile().string();
}

estore::host::X509Certificate FursSandbox::caCertificate() const {
    return _pki->ca();
}

estore::host::X509Certificate FursSandbox::serverCertificate() const {
    return _pki->serverCertificate();
}

estore::host::X509Certificate FursSandbox::signingCertificate() const {
    return _pki->signingCertificate();
}

IssuedCertificate FursSandbox::issueCertificate(const std::string& taxNumber, const std::string& name) {
    return _pki->issue(taxNumber, name, -3600, kFiveYears);
}

IssuedCertificate FursSandbox::issueExpiredCertificate(const std::string& taxNumber,
                                                       const std::string& name) {
    return _pki->issue(taxNumber, name, -2 * kDay, -kDay);
}

bool FursSandbox::revokeCertificate(const std::string& serialDecimal) {
    return _pki->revoke(serialDecimal);
}

void FursSandbox::injectFault(const FursFault& fault) {
    _faults->set(fault);
}

void FursSandbox::clearFaults() {
    _faults->clear();
}

std::optional<FursFault> FursSandbox::activeFault() const {
    return _faults->active();
}

std::vector<InvoiceRecord> FursSandbox::invoices() const {
    return _ledger->invoices();
}

std::optional<InvoiceRecord> FursSandbox::invoice(const std::string& taxNumber,
                                                  const std::string& identifier) const {
    return _ledger->invoice(taxNumber, identifier);
}

std::vector<PremiseRecord> FursSandbox::premises() const {
    return _ledger->premises();
}

SandboxStats FursSandbox::stats() const {
    return _counter->snapshot();
}

void FursSandbox::resetStats() {
    _counter->reset();
}

}  // namespace furs_sandbox

#include "estore/host/furs_sandbox/control_api.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <stdexcept>

#include "estore/host/fiscal/jws.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"

namespace furs_sandbox {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

FursReply json(int status, const Object& object, const std::string& outcome = "control") {
    std::ostringstream text;
    object.stringify(text);
    FursReply reply;
    reply.status = status;
    reply.body = text.str();
    reply.outcome = outcome;
    return reply;
}

FursReply error(int status, const std::string& message) {
    Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", message);
    return json(status, body);
}

Object::Ptr parseObject(const std::string& body) {
    try {
        return Poco::JSON::Parser().parse(body.empty() ? "{}" : body).extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw std::invalid_argument("the body must be a JSON object");
    }
}

Array flags(const std::vector<bool>& values) {
    Array array;
    for (const bool value : values) array.add(value);
    return array;
}

Array texts(const std::vector<std::string>& values) {
    Array array;
    for (const std::string& value : values) array.add(value);
    return array;
}

}  // namespace

FursReply ControlApi::handle(const std::string& method, const std::string& path, const std::string& body) {
    const std::string route = path.substr(std::string(kPrefix).size());
    try {
        if (route == "certificates" && method == "POST") return certificates(body);
        if (route == "revocations" && method == "POST") return revocations(body);
        if (route == "faults" && (method == "POST" || method == "DELETE" || method == "GET"))
            return faults(method, body);
        if (route == "invoices" && method == "GET") return invoices();
        if (route == "premises" && method == "GET") return premises();
        if (route == "stats" && (method == "GET" || method == "DELETE")) return stats(method);
        if (route == "ca" && method == "GET") return ca();
        const bool known = route == "certificates" || route == "revocations" || route == "faults" ||
                           route == "invoices" || route == "premises" || route == "stats" || route == "ca";
        return known ? error(405, "method not allowed") : error(404, "unknown control path " + path);
    } catch (const std::invalid_argument& problem) {
        return error(400, problem.what());
    } catch (const Poco::Exception& problem) {
        return error(400, problem.displayText());
    }
}

FursReply ControlApi::certificates(const std::string& body) {
    const Object::Ptr request = parseObject(body);
    const std::string taxNumber = request->optValue<std::string>("tax_number", "");
    const std::string name = request->optValue<std::string>("name", "");
    const bool expired = request->optValue<bool>("expired", false);
    const IssuedCertificate issued = expired ? _sandbox.issueExpiredCertificate(taxNumber, name)
                                             : _sandbox.issueCertificate(taxNumber, name);
    Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("tax_number", issued.taxNumber);
    answer.set("name", issued.name);
    answer.set("serial", issued.serial);
    answer.set("certificate", issued.certificatePem);
    answer.set("private_key", issued.privateKeyPem);
    answer.set("p12_base64", estore::host::base64Encode(issued.p12));
    answer.set("p12_password", issued.p12Password);
    return json(200, answer);
}

FursReply ControlApi::revocations(const std::string& body) {
    const std::string serial = parseObject(body)->optValue<std::string>("serial", "");
    if (!_sandbox.revokeCertificate(serial))
        return error(404, "no certificate with serial \"" + serial + "\"");
    Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("serial", serial);
    answer.set("revoked", true);
    return json(200, answer);
}

FursReply ControlApi::faults(const std::string& method, const std::string& body) {
    if (method == "DELETE") _sandbox.clearFaults();
    if (method == "POST") {
        const Object::Ptr request = parseObject(body);
        const std::string modeName = request->optValue<std::string>("mode", "");
        const std::optional<FaultMode> mode = FursFault::parseMode(modeName);
        if (!mode)
            throw std::invalid_argument(
                "mode must be timeout, error500, malformed, refuse_signature, "
                "lose_answer or down, got \"" +
                modeName + "\"");
        FursFault fault;
        fault.mode = *mode;
        fault.count = request->optValue<int>("count", 1);
        fault.delayMs = request->optValue<int>("delay_ms", 0);
        _sandbox.injectFault(fault);
    }
    Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    if (const std::optional<FursFault> active = _sandbox.activeFault()) {
        answer.set("mode", FursFault::modeName(active->mode));
        answer.set("count", active->count);
        answer.set("delay_ms", active->delayMs);
    }
    return json(200, answer);
}

FursReply ControlApi::invoices() const {
    Array list;
    for (const InvoiceRecord& invoice : _sandbox.invoices()) {
        Object item(Poco::JSON_PRESERVE_KEY_ORDER);
        item.set("tax_number", invoice.taxNumber);
        item.set("identifier", invoice.identifier);
        item.set("premise_id", invoice.premiseId);
        item.set("device_id", invoice.deviceId);
        item.set("invoice_number", invoice.invoiceNumber);
        item.set("sales_book", invoice.salesBook);
        item.set("issue_date_time", invoice.issueDateTime);
        item.set("invoice_amount", invoice.invoiceAmount);  // the number's text as sent: never a double
        item.set("payment_amount", invoice.paymentAmount);
        item.set("protected_id", invoice.protectedId);
        item.set("eor", invoice.eor);
        item.set("times_submitted", invoice.timesSubmitted);
        item.set("subsequent_submit", flags(invoice.subsequentSubmit));
        item.set("message_ids", texts(invoice.messageIds));
        item.set("changed_on_resubmit", invoice.changedOnResubmit);
        item.set("first_received_at", invoice.firstReceivedAt);
        list.add(item);
    }
    Object answer;
    answer.set("invoices", list);
    return json(200, answer);
}

FursReply ControlApi::premises() const {
    Array list;
    for (const PremiseRecord& premise : _sandbox.premises()) {
        Object item(Poco::JSON_PRESERVE_KEY_ORDER);
        item.set("tax_number", premise.taxNumber);
        item.set("premise_id", premise.premiseId);
        item.set("kind", premise.kind);
        item.set("validity_date", premise.validityDate);
        item.set("closed", premise.closed);
        item.set("times_registered", premise.timesRegistered);
        item.set("message_ids", texts(premise.messageIds));
        item.set("last_registered_at", premise.lastRegisteredAt);
        list.add(item);
    }
    Object answer;
    answer.set("premises", list);
    return json(200, answer);
}

FursReply ControlApi::stats(const std::string& method) {
    if (method == "DELETE") _sandbox.resetStats();
    const SandboxStats stats = _sandbox.stats();
    Object requests(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [path, outcomes] : stats.requests) {
        Object counts(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& [outcome, count] : outcomes) counts.set(outcome, count);
        requests.set(path, counts);
    }
    Object faults(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [mode, count] : stats.faults) faults.set(mode, count);
    Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("requests", requests);
    answer.set("faults", faults);
    answer.set("connections_refused", stats.connectionsRefused);
    return json(200, answer);
}

FursReply ControlApi::ca() const {
    FursReply reply;
    reply.contentType = "application/x-pem-file";
    reply.body = _sandbox.caCertificate().pem();
    reply.outcome = "control";
    return reply;
}

}  // namespace furs_sandbox

#include "estore/host/furs_sandbox/html_pages.h"

#include <Poco/Random.h>

#include <mutex>

namespace furs_sandbox {

namespace {

/// A 19-digit support ID like the firewall's.
std::string supportId() {
    static std::mutex mutex;
    static Poco::Random random;
    std::lock_guard lock(mutex);
    static bool seeded = false;
    if (!seeded) {
        random.seed();
        seeded = true;
    }
    std::string id(1, static_cast<char>('1' + random.next(9)));
    while (id.size() < 19) id += static_cast<char>('0' + random.next(10));
    return id;
}

}  // namespace

std::string HtmlPages::requestRejected() {
    return "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please "
           "consult with your administrator.<br><br>Your support ID is: " +
           supportId() + "<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>";
}

std::string HtmlPages::serverError() {
    return "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
           "<p>The server encountered an internal error and was unable to complete your request.</p>"
           "</body></html>";
}

std::string HtmlPages::noClientCertificate() {
    return "<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization "
           "Required</h1><p>No required SSL certificate was sent: the FURS services need a client "
           "certificate "
           "issued by the Tax CA.</p></body></html>";
}

}  // namespace furs_sandbox

#include "wix_sandbox/automations/loopback_url.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>

namespace wix_sandbox {

Poco::URI LoopbackUrl::require(const std::string& url) {
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception&) {
        throw Poco::InvalidArgumentException("not a URL", url);
    }
    if (uri.getScheme() != "http") throw Poco::InvalidArgumentException("only http:// URLs are allowed", url);
    if (!loopbackHost(uri.getHost()))
        throw Poco::InvalidArgumentException("only loopback URLs are allowed", url);
    return uri;
}

bool LoopbackUrl::loopbackHost(const std::string& host) {
    if (Poco::toLower(host) == "localhost") return true;
    // Names other than localhost are refused without resolving them: DNS could point anywhere.
    Poco::Net::IPAddress address;
    return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

}  // namespace wix_sandbox

#include "estore/sandbox_kit/server_connection.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>

namespace estore::sandbox_kit {

Poco::Net::HTTPServerParams::Ptr serverParams(int maxThreads) {
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(std::max(2, maxThreads));
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    return params;
}

void closeWithoutAnswer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    response.setKeepAlive(false);
    auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request);
    try {
        impl.socket().shutdown();
    } catch (const Poco::Exception&) {
        // Already gone: closed either way.
    }
}

}  // namespace estore::sandbox_kit

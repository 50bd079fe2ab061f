#pragma once
// The HTTP side the local stand-in servers share.
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace estore::sandbox_kit {

/// A server that keeps connections alive (5 s idle), queues 256, and runs at least two threads.
Poco::Net::HTTPServerParams::Ptr serverParams(int maxThreads);

/// Ends the exchange without an answer, as a dropped connection: no response is written, the connection
/// is not kept alive (Poco's loop ends and closes the socket), and the shutdown makes the client see the
/// end of the stream at once.
void closeWithoutAnswer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

}  // namespace estore::sandbox_kit

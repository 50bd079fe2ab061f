#include "http_burst.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <thread>

namespace estore::bench {

const std::string kWebhookPayload =
    R"({"data":{"order":{"id":"7001d34b-11a6-4a34-8746-dc8ababeca42","number":"10012","status":"APPROVED",)"
    R"("paymentStatus":"PAID","contact":{"name":{"first":"Ana","last":"Novak"},"email":"ana@example.si"}}},)"
    R"("trigger":{"name":"Order paid"}})";

BurstResult burst(const std::vector<unsigned short>& ports, const HttpCall& call, int clients,
                  int requestsPerClient) {
    std::vector<BurstResult> perClient(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            BurstResult& mine = perClient[static_cast<std::size_t>(c)];
            Poco::Net::HTTPClientSession session("127.0.0.1",
                                                 ports[static_cast<std::size_t>(c) % ports.size()]);
            session.setKeepAlive(true);
            for (int i = 0; i < requestsPerClient; ++i) {
                const auto start = std::chrono::steady_clock::now();
                Poco::Net::HTTPRequest request(call.method, call.path, Poco::Net::HTTPMessage::HTTP_1_1);
                request.setKeepAlive(true);
                if (!call.cookie.empty()) request.set("Cookie", call.cookie);
                if (call.method == "POST") {
                    request.setContentType(call.contentType);
                    request.setContentLength(static_cast<std::streamsize>(call.body.size()));
                    session.sendRequest(request) << call.body;
                } else {
                    session.sendRequest(request);
                }
                Poco::Net::HTTPResponse response;
                std::istream& in = session.receiveResponse(response);
                in.ignore(std::numeric_limits<std::streamsize>::max());
                if (static_cast<int>(response.getStatus()) != call.expectStatus) ++mine.failures;
                mine.micros.push_back(
                    std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                        .count());
            }
        });
    for (auto& t : threads) t.join();
    BurstResult all;
    for (const auto& one : perClient) {
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    return all;
}

BurstResult burst(const std::vector<unsigned short>& ports, const std::string& path,
                  const std::string& payload, int clients, int requestsPerClient) {
    HttpCall call;
    call.path = path;
    call.body = payload;
    return burst(ports, call, clients, requestsPerClient);
}

void reportBurst(benchmark::State& state, BurstResult all) {
    std::sort(all.micros.begin(), all.micros.end());
    if (all.micros.empty()) return;
    state.counters["p50_us"] = all.micros[all.micros.size() / 2];
    state.counters["p99_us"] = all.micros[all.micros.size() * 99 / 100];
    state.counters["non_200"] = all.failures;
    state.SetItemsProcessed(static_cast<std::int64_t>(all.micros.size()));
}

}  // namespace estore::bench

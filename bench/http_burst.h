#pragma once
// Concurrent keep-alive HTTP clients POSTing one payload, for the intake benchmarks: each answer's time
// and how many were not 200.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace estore::bench {

/// A webhook body as Wix Automations' "All keys and values" sends it for an order.
extern const std::string kWebhookPayload;

struct BurstResult {
    std::vector<double> micros;  ///< each answer's time
    int failures = 0;            ///< answers other than 200
};

/// One request every client of a burst sends again and again.
struct HttpCall {
    std::string method = "POST";
    std::string path;
    std::string body;
    std::string contentType = "application/json";
    std::string cookie;      ///< the Cookie header; none when empty
    int expectStatus = 200;  ///< other answers count as failures
};

/// `clients` threads send the call `requestsPerClient` times each over a keep-alive connection; client c
/// talks to ports[c % ports.size()], so several servers share the load evenly.
BurstResult burst(const std::vector<unsigned short>& ports, const HttpCall& call, int clients,
                  int requestsPerClient);
/// A JSON POST of `payload` to `path`, answered 200.
BurstResult burst(const std::vector<unsigned short>& ports, const std::string& path,
                  const std::string& payload, int clients, int requestsPerClient);

/// Reports p50_us, p99_us, non_200 and the request rate (items per second).
void reportBurst(benchmark::State& state, BurstResult all);

}  // namespace estore::bench

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

/// `clients` threads send `requestsPerClient` POSTs each over a keep-alive connection; client c talks to
/// ports[c % ports.size()], so several servers share the load evenly.
BurstResult burst(const std::vector<unsigned short>& ports, const std::string& path,
                  const std::string& payload, int clients, int requestsPerClient);

/// Reports p50_us, p99_us, non_200 and the request rate (items per second).
void reportBurst(benchmark::State& state, BurstResult all);

}  // namespace estore::bench

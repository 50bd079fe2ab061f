#include "estore/host/webhooks/webhook_token.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <array>
#include <stdexcept>

namespace estore::host {

namespace {

constexpr std::size_t kTokenBytes = 32;

}  // namespace

std::string WebhookToken::generate() {
    std::array<unsigned char, kTokenBytes> bytes{};
    Poco::RandomInputStream random;
    random.read(reinterpret_cast<char*>(bytes.data()), bytes.size());
    if (random.gcount() != static_cast<std::streamsize>(bytes.size()))
        throw std::runtime_error("the system's random generator gave too few bytes");
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(bytes.begin(), bytes.end()));
}

std::string WebhookToken::hash(const std::string& token) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(token);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool WebhookToken::equalHashes(const std::string& a, const std::string& b) {
    // Poco compares every byte whatever differs first; hashes have a fixed length, so a length
    // difference is no secret.
    return Poco::DigestEngine::constantTimeEquals(Poco::DigestEngine::Digest(a.begin(), a.end()),
                                                  Poco::DigestEngine::Digest(b.begin(), b.end()));
}

}  // namespace estore::host

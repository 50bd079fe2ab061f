#pragma once
// FURS's answers: {"token":"<JWS>"} signed RS256 with the response-signing key, the header carrying the
// signing certificate [SPEC32 §8.1: "x5c" only in answers; §9.3, §9.5 for the form]:
// {"alg":"RS256","subject_name":…,"issuer_name":…,"x5c":["<base64 DER>"],"serial":<decimal number>}
// in the order FURS writes them; "serial" is a JSON number of 96 bits, as FURS's is.
#include <string>

#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/rsa_key.h"

namespace furs_sandbox {

class ResponseSigner {
public:
    ResponseSigner(RsaKey key, estore::host::X509Certificate certificate);

    const std::string& headerJson() const { return _headerJson; }
    /// The compact JWS of the payload.
    std::string token(const std::string& payloadJson) const;
    /// The answer's body: {"token":"<JWS>"}.
    std::string body(const std::string& payloadJson) const;

private:
    RsaKey _key;
    std::string _headerJson;
};

}  // namespace furs_sandbox

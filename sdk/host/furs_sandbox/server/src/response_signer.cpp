#include "estore/host/furs_sandbox/response_signer.h"

#include "estore/host/fiscal/jws.h"
#include "estore/host/furs_sandbox/json_text.h"

namespace furs_sandbox {

ResponseSigner::ResponseSigner(RsaKey key, estore::host::X509Certificate certificate) : _key(std::move(key)) {
    _headerJson = "{\"alg\":\"RS256\",\"subject_name\":" + JsonText::quote(certificate.subjectRfc2253()) +
                  ",\"issuer_name\":" + JsonText::quote(certificate.issuerRfc2253()) + ",\"x5c\":[" +
                  JsonText::quote(certificate.derBase64()) + "],\"serial\":" + certificate.serialDecimal() +
                  "}";
}

std::string ResponseSigner::token(const std::string& payloadJson) const {
    return estore::host::compactJws(_headerJson, payloadJson,
                                    [this](const std::string& input) { return _key.signRs256(input); });
}

std::string ResponseSigner::body(const std::string& payloadJson) const {
    return "{\"token\":" + JsonText::quote(token(payloadJson)) + "}";
}

}  // namespace furs_sandbox

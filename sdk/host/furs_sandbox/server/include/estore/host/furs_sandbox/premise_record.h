#pragma once
#include <string>
#include <vector>

namespace furs_sandbox {

/// A business premise as the sandbox knows it from BusinessPremiseRequest messages [SPEC32 §3.2].
struct PremiseRecord {
    std::string taxNumber;
    std::string premiseId;
    std::string kind;          ///< "RealEstateBP", "PremiseType" or "VendingMachine"
    std::string validityDate;  ///< of the latest registration
    bool closed = false;       ///< ClosingTag "Z" was sent: invoices for it get S006 [SPEC32 §4]
    int timesRegistered = 0;
    std::vector<std::string> messageIds;  ///< of every accepted registration, oldest first
    std::string lastRegisteredAt;         ///< the answer's DateTime
};

}  // namespace furs_sandbox

#include "estore/sdk/eracuni_payment_methods.h"

#include "estore/sdk/setting_map.h"

namespace estore::sdk {

const std::vector<EracuniPaymentMethod>& eracuniPaymentMethods() {
    static const std::vector<EracuniPaymentMethod> kMethods = {
        {"BankTransfer", {"Nakazilo na TRR", "Bank transfer"}},
        {"Cash", {"Gotovina", "Cash"}},
        {"CashOnDelivery", {"Plačilo po povzetju", "Cash on delivery"}},
        {"CreditCard", {"Plačilna kartica", "Payment card"}},
        {"PayPal", {"PayPal", "PayPal"}},
        {"OnlinePayment", {"Spletno plačilo", "Online payment"}},
        {"Cheque", {"Ček", "Cheque"}},
        {"Voucher", {"Darilni bon", "Voucher"}},
        {"Compensation", {"Kompenzacija", "Compensation"}},
        {"Other", {"Drugo", "Other"}},
    };
    return kMethods;
}

const EracuniPaymentMethod* findEracuniPaymentMethod(std::string_view code) {
    for (const auto& method : eracuniPaymentMethods())
        if (equalsIgnoringCase(method.code, code)) return &method;
    return nullptr;
}

std::string eracuniPaymentMethodCodes() {
    std::string codes;
    for (const auto& method : eracuniPaymentMethods())
        codes += (codes.empty() ? "" : ", ") + std::string(method.code);
    return codes;
}

}  // namespace estore::sdk

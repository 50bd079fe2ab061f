// The Wix store's auto-invoicing options: the map syntax, the checks that refuse bad configuration naming
// the field, and how an imported order gets its e-računi payment method, fiscal flag and status.
#include <gtest/gtest.h>

#include "estore/sdk/setting_map.h"
#include "settings/payment_methods.h"
#include "settings/store_settings.h"

using estore::host_api::SalesOrder;
using estore::host_api::Settings;

namespace {

const std::string kMap =
    "WixPayments=CreditCard; PayPal=PayPal; CASH=CashOnDelivery:fiscal; BANK_TRANSFER=BankTransfer";

Settings invoicing(const std::string& mode = "paid") {
    return {{"auto_invoice", mode},
            {"business_premise", "SPLET1"},
            {"electronic_device", "1"},
            {"payment_methods", kMap},
            {"order_statuses", "APPROVED=Potrjeno; FULFILLED=Odpremljeno:invoice; CANCELED=Preklicano"}};
}

std::vector<std::string> fieldsOf(const Settings& settings) {
    std::vector<std::string> fields;
    for (const auto& e : estore::wix::invoiceOptionErrors(settings)) {
        fields.push_back(e.field);
        EXPECT_NE(e.message.sl.find(e.field), std::string::npos) << e.message.sl;
        EXPECT_NE(e.message.en.find(e.field), std::string::npos) << e.message.en;
    }
    return fields;
}

SalesOrder paidOrder(const std::string& method) {
    SalesOrder o;
    o.status = "APPROVED";
    o.paymentStatus = "PAID";
    o.paymentMethod = method;
    o.totalGross = {1000, 2};
    return o;
}

}  // namespace

TEST(SettingMap, ParsesEntriesFlagsAndFindsKeysWithoutCase) {
    auto parsed = estore::sdk::parseSettingMap(" CASH = CashOnDelivery : fiscal ;PayPal=PayPal\nX=Other");
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed.map.entries.size(), 3u);
    const auto* cash = parsed.map.find("cash");
    ASSERT_NE(cash, nullptr);
    EXPECT_EQ(cash->value, "CashOnDelivery");
    EXPECT_TRUE(cash->hasFlag("fiscal"));
    EXPECT_FALSE(parsed.map.find("paypal")->hasFlag("fiscal"));
    EXPECT_EQ(parsed.map.toString(), "CASH=CashOnDelivery:fiscal; PayPal=PayPal; X=Other");
    EXPECT_TRUE(estore::sdk::parseSettingMap("").ok());
    EXPECT_FALSE(estore::sdk::parseSettingMap("CASH").ok());
    EXPECT_FALSE(estore::sdk::parseSettingMap("CASH=Cash; cash=Cash").ok());
    EXPECT_FALSE(estore::sdk::parseSettingMap("=Cash").ok());
}

TEST(InvoiceOptions, GoodOptionsPass) {
    EXPECT_TRUE(fieldsOf(invoicing()).empty());
    EXPECT_TRUE(fieldsOf(invoicing("status")).empty());
    EXPECT_TRUE(fieldsOf({{"auto_invoice", "off"}}).empty());  // off needs neither premise nor device
}

TEST(InvoiceOptions, UnknownPaymentMethodInTheMapIsRefusedNamingTheField) {
    Settings s = invoicing();
    s["payment_methods"] = "CASH=Gotovinca:fiscal";
    EXPECT_EQ(fieldsOf(s), std::vector<std::string>{"payment_methods"});
    const auto errors = estore::wix::invoiceOptionErrors(s);
    EXPECT_EQ(errors[0].code, "payment_methods.unknown_method");
    EXPECT_NE(errors[0].message.en.find("Gotovinca"), std::string::npos);
    s["payment_methods"] = "CASH=Cash:fiskal";
    EXPECT_EQ(estore::wix::invoiceOptionErrors(s)[0].code, "payment_methods.unknown_flag");
    s["payment_methods"] = "CASH";
    EXPECT_EQ(estore::wix::invoiceOptionErrors(s)[0].code, "payment_methods.malformed");
}

TEST(InvoiceOptions, PremiseAndDeviceAreRequiredWhenInvoicing) {
    Settings s = invoicing();
    s.erase("business_premise");
    s["electronic_device"] = "";
    EXPECT_EQ(fieldsOf(s), (std::vector<std::string>{"business_premise", "electronic_device"}));
    s["business_premise"] = "SPLET 1";
    s["electronic_device"] = "1";
    EXPECT_EQ(estore::wix::invoiceOptionErrors(s)[0].code, "business_premise.invalid");
}

TEST(InvoiceOptions, StatusMapNeedsWixStatusesAndAnInvoiceStatusForStatusMode) {
    Settings s = invoicing("status");
    s["order_statuses"] = "SHIPPED=Odpremljeno:invoice";
    EXPECT_EQ(estore::wix::invoiceOptionErrors(s)[0].code, "order_statuses.unknown_status");
    s["order_statuses"] = "FULFILLED=Odpremljeno";
    EXPECT_EQ(estore::wix::invoiceOptionErrors(s)[0].code, "order_statuses.none_invoices");
    s["auto_invoice"] = "paid";
    EXPECT_TRUE(estore::wix::invoiceOptionErrors(s).empty());
}

TEST(StoreMaps, MappedMethodGivesCodeAndFiscalFlag) {
    SalesOrder cash = paidOrder("cash");
    estore::wix::applyStoreMaps(cash, invoicing());
    EXPECT_EQ(cash.paymentMethodCode, "CashOnDelivery");
    EXPECT_TRUE(cash.fiscalPayment);
    EXPECT_TRUE(cash.flags.empty());
    SalesOrder card = paidOrder("WixPayments");
    estore::wix::applyStoreMaps(card, invoicing());
    EXPECT_EQ(card.paymentMethodCode, "CreditCard");
    EXPECT_FALSE(card.fiscalPayment);
}

TEST(StoreMaps, AMixedPaymentIsFiscalWhenAnyPartIsPaidByAFiscalMethod) {
    SalesOrder cardAndCash = paidOrder("WixPayments");
    estore::wix::applyStoreMaps(cardAndCash, invoicing(), {"cash"});  // the rest paid on delivery
    EXPECT_EQ(cardAndCash.paymentMethodCode, "CreditCard");
    EXPECT_TRUE(cardAndCash.fiscalPayment);
    EXPECT_TRUE(cardAndCash.flags.empty());
    SalesOrder cardAndPayPal = paidOrder("WixPayments");
    estore::wix::applyStoreMaps(cardAndPayPal, invoicing(), {"PayPal"});
    EXPECT_FALSE(cardAndPayPal.fiscalPayment);
    SalesOrder cardAndUnknown = paidOrder("WixPayments");
    estore::wix::applyStoreMaps(cardAndUnknown, invoicing(), {"Klarna"});
    EXPECT_TRUE(cardAndUnknown.paymentMethodCode.empty());  // fiscal or not is unknown: not invoiced
    ASSERT_EQ(cardAndUnknown.flags.size(), 1u);
    EXPECT_EQ(cardAndUnknown.flags[0].code, estore::wix::review::kPaymentMethodUnmapped);
    EXPECT_NE(cardAndUnknown.flags[0].reason.en.find("Klarna"), std::string::npos);
}

TEST(StoreMaps, EachPartOfAMixedPaymentGetsItsEracuniMethodAndFiscalFlag) {
    SalesOrder order = paidOrder("WixPayments");
    estore::wix::OrderPayments payments;
    payments.main = "WixPayments";
    payments.others = {"CASH"};
    payments.parts = {{"WixPayments", "", {2000, 2}, false, false}, {"CASH", "", {440, 2}, false, true}};
    estore::wix::applyPayments(order, invoicing(), payments);
    EXPECT_EQ(order.paymentMethodCode, "CreditCard") << "the largest part's method";
    EXPECT_TRUE(order.fiscalPayment) << "a cash part makes the invoice fiscal";
    ASSERT_EQ(order.payments.size(), 2u);
    EXPECT_EQ(order.payments[0].methodCode, "CreditCard");
    EXPECT_FALSE(order.payments[0].fiscal);
    EXPECT_EQ(order.payments[0].amount.units, 2000);
    EXPECT_EQ(order.payments[1].methodCode, "CashOnDelivery");
    EXPECT_TRUE(order.payments[1].fiscal);
    EXPECT_TRUE(order.payments[1].pending);

    SalesOrder unknownPart = paidOrder("WixPayments");
    payments.others = {"Klarna"};
    payments.parts[1].method = "Klarna";
    estore::wix::applyPayments(unknownPart, invoicing(), payments);
    EXPECT_TRUE(unknownPart.paymentMethodCode.empty()) << "held for review";
    ASSERT_EQ(unknownPart.payments.size(), 2u);
    EXPECT_TRUE(unknownPart.payments[1].methodCode.empty()) << "an unknown part gets no code";
}

TEST(StoreMaps, UnmappedMethodIsHeldForReviewNotGuessed) {
    SalesOrder o = paidOrder("Klarna");
    estore::wix::applyStoreMaps(o, invoicing());
    EXPECT_TRUE(o.paymentMethodCode.empty());
    ASSERT_EQ(o.flags.size(), 1u);
    EXPECT_EQ(o.flags[0].code, estore::wix::review::kPaymentMethodUnmapped);
    SalesOrder unknown = paidOrder("");
    estore::wix::applyStoreMaps(unknown, invoicing());
    ASSERT_EQ(unknown.flags.size(), 1u);
    EXPECT_EQ(unknown.flags[0].code, estore::wix::review::kPaymentMethodUnknown);
    SalesOrder unpaid = paidOrder("");
    unpaid.paymentStatus = "NOT_PAID";
    estore::wix::applyStoreMaps(unpaid, invoicing());
    EXPECT_TRUE(unpaid.flags.empty());  // not paid yet: nothing to know
    SalesOrder noMap = paidOrder("Klarna");
    estore::wix::applyStoreMaps(noMap, {{"auto_invoice", "off"}});
    EXPECT_TRUE(noMap.flags.empty());  // a store without a map at all
}

TEST(StoreMaps, StatusMapMarksTheInvoicingStatus) {
    SalesOrder o = paidOrder("PayPal");
    o.fulfillmentStatus = "FULFILLED";
    estore::wix::applyStoreMaps(o, invoicing("status"));
    EXPECT_EQ(o.orderStatus, "Odpremljeno");
    EXPECT_TRUE(o.invoiceOnStatus);
    o.status = "CANCELED";
    EXPECT_EQ(estore::wix::shopStatusOf(o), "CANCELED");
}

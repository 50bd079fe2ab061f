// The stock push's pure parts: the quantity to show in Wix, the SKU diff, and reading Wix's catalog
// pages (V1 products with and without managed variants, V3 inventory items).
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "stock/stock_catalog_reader.h"
#include "stock/stock_planner.h"
#include "stock/stock_push_job.h"

using estore::host_api::Amount;
using estore::host_api::StockLevel;
using namespace estore::wix;

namespace {

StockLevel level(const std::string& code, Amount onHand, Amount reserved = {0, 0}) {
    return {code, onHand, reserved};
}

WixStockItem tracked(const std::string& sku, std::int64_t quantity) {
    WixStockItem item;
    item.sku = sku;
    item.productId = "p-" + sku;
    item.variantId = StockCatalogReader::kNoVariant;
    item.tracked = true;
    item.quantity = quantity;
    return item;
}

Poco::JSON::Array::Ptr array(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
}

}  // namespace

TEST(StockPlanner, PushesWholeUnitsOfOnHandMinusReservedNeverBelowZero) {
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {10, 0}, {3, 0}), StockBasis::OnHandMinusReserved), 7);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {10, 0}, {3, 0}), StockBasis::OnHand), 10);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {27, 1}), StockBasis::OnHand), 2);  // 2.7 kg: 2 to sell
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {25, 1}, {5, 1}), StockBasis::OnHandMinusReserved), 2);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {2, 0}, {5, 0}), StockBasis::OnHandMinusReserved), 0);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {-3, 0}), StockBasis::OnHand), 0);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {-1, 1}), StockBasis::OnHand), 0);
    EXPECT_EQ(StockPlanner::quantityToPush(level("A", {999999999999LL, 0}), StockBasis::OnHand),
              StockPlanner::kMaxQuantity);
    EXPECT_EQ(StockPlanner::basisFromSetting("on_hand"), StockBasis::OnHand);
    EXPECT_EQ(StockPlanner::basisFromSetting("on_hand_minus_reserved"), StockBasis::OnHandMinusReserved);
    EXPECT_EQ(StockPlanner::basisFromSetting(""), StockBasis::OnHandMinusReserved);
}

TEST(StockPlanner, SendsOnlyWhatDiffersAndReportsWhatItCannotMatch) {
    std::vector<WixStockItem> items = {tracked("SAME", 5), tracked("DIFF", 1), tracked(" PADDED ", 2),
                                       tracked("DUP", 1),  tracked("DUP", 1),  tracked("ONLY-WIX", 9),
                                       tracked("", 3)};
    WixStockItem untracked = tracked("LOOSE", 0);
    untracked.tracked = false;
    items.push_back(untracked);
    WixStockItem untrackedOnlyInWix = tracked("LOOSE-WIX", 0);
    untrackedOnlyInWix.tracked = false;
    items.push_back(untrackedOnlyInWix);
    const std::vector<StockLevel> levels = {level("SAME", {5, 0}),      level("DIFF", {4, 0}),
                                            level("PADDED", {2, 0}),    level("DUP", {7, 0}),
                                            level("ONLY-HOST", {1, 0}), level("LOOSE", {8, 0})};

    const StockPlan plan = StockPlanner::plan(levels, items, StockBasis::OnHand);
    ASSERT_EQ(plan.updates.size(), 1u);
    EXPECT_EQ(items[plan.updates[0].item].sku, "DIFF");
    EXPECT_EQ(plan.updates[0].quantity, 4);
    EXPECT_EQ(plan.unchanged, 2u);  // SAME, and PADDED matched after trimming
    EXPECT_EQ(plan.missingInWix, std::vector<std::string>{"ONLY-HOST"});
    EXPECT_EQ(plan.missingInHost,
              std::vector<std::string>{"ONLY-WIX"});  // untracked Wix items are not missing
    EXPECT_EQ(plan.duplicateInWix, std::vector<std::string>{"DUP"});
    EXPECT_EQ(plan.untracked, std::vector<std::string>{"LOOSE"});
    EXPECT_EQ(plan.withoutSku, 1u);
    EXPECT_EQ(plan.unmatched(), 3u);
}

TEST(StockPlanner, ASkuThreeTimesInWixIsReportedOnce) {
    const std::vector<WixStockItem> items = {tracked("X", 1), tracked("X", 2), tracked("X", 3)};
    const StockPlan plan = StockPlanner::plan({level("X", {5, 0})}, items, StockBasis::OnHand);
    EXPECT_TRUE(plan.updates.empty());
    EXPECT_EQ(plan.duplicateInWix, std::vector<std::string>{"X"});
    EXPECT_TRUE(plan.missingInWix.empty());
}

TEST(StockCatalogReader, ReadsV1ProductsWithAndWithoutManagedVariants) {
    const auto products = array(R"([
      {"id":"p1","numericId":"1001","name":"Med","sku":"MED-1","manageVariants":false,
       "stock":{"trackInventory":true,"quantity":12,"inStock":true},
       "variants":[{"id":"00000000-0000-0000-0000-000000000000","variant":{"sku":"MED-1"},
                    "stock":{"trackQuantity":true,"quantity":12}}]},
      {"id":"p2","numericId":"1002","name":"Majica","sku":"","manageVariants":true,
       "stock":{"trackInventory":true,"inStock":true},
       "variants":[{"id":"v1","choices":{"Size":"S"},"variant":{"sku":"MAJ-S"},"stock":{"trackQuantity":true,"quantity":-1}},
                   {"id":"v2","choices":{"Size":"M"},"variant":{"sku":"MAJ-M "},"stock":{"trackQuantity":true,"quantity":4}}]},
      {"id":"p3","numericId":"1003","name":"Darilni bon","sku":"BON","manageVariants":false,
       "stock":{"trackInventory":false,"inStock":true}}])");
    std::vector<WixStockItem> items;
    std::string last;
    ASSERT_TRUE(StockCatalogReader::appendV1Products(products, items, last));
    EXPECT_EQ(last, "1003");
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0].sku, "MED-1");
    EXPECT_EQ(items[0].variantId, StockCatalogReader::kNoVariant);
    EXPECT_TRUE(items[0].tracked);
    EXPECT_EQ(items[0].quantity, 12);
    EXPECT_EQ(items[1].sku, "MAJ-S");
    EXPECT_EQ(items[1].variantId, "v1");
    EXPECT_EQ(items[1].quantity, -1);  // V1 allows negative stock
    EXPECT_EQ(items[2].sku, "MAJ-M");
    EXPECT_EQ(items[2].productId, "p2");
    EXPECT_FALSE(items[3].tracked);

    std::vector<WixStockItem> none;
    EXPECT_FALSE(
        StockCatalogReader::appendV1Products(array(R"([{"id":"p9","name":"no numericId"}])"), none, last));
}

TEST(StockCatalogReader, ReadsV3InventoryItemsWithTheirRevision) {
    const auto items = array(R"([
      {"id":"i1","revision":"3","variantId":"v1","productId":"p1","trackQuantity":true,"quantity":50,
       "product":{"name":"Med","variantName":"900 g","variantSku":"MED-900","variantVisible":true}},
      {"id":"i2","revision":7,"variantId":"v2","productId":"p1","trackQuantity":false,"inStock":true,
       "product":{"name":"Med","variantSku":"MED-450"}}])");
    std::vector<WixStockItem> out;
    ASSERT_TRUE(StockCatalogReader::appendV3Items(items, out));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].inventoryItemId, "i1");
    EXPECT_EQ(out[0].revision, "3");
    EXPECT_EQ(out[0].sku, "MED-900");
    EXPECT_EQ(out[0].name, "Med (900 g)");
    EXPECT_EQ(out[0].quantity, 50);
    EXPECT_EQ(out[1].revision, "7");
    EXPECT_FALSE(out[1].tracked);
    EXPECT_FALSE(StockCatalogReader::appendV3Items(array(R"([{"id":"i3"}])"), out));
}

TEST(StockCatalogReader, V1FiltersAndSortsAreJsonStringsAndV3FollowUpsCarryOnlyTheCursor) {
    const auto first =
        Poco::JSON::Parser().parse(StockCatalogReader::v1PageBody("")).extract<Poco::JSON::Object::Ptr>();
    EXPECT_FALSE(first->getObject("query")->has("filter"));
    EXPECT_EQ(first->getObject("query")->getValue<std::string>("sort"), "[{\"numericId\":\"asc\"}]");
    EXPECT_TRUE(first->getValue<bool>("includeVariants"));
    EXPECT_EQ(first->getObject("query")->getObject("paging")->getValue<int>("limit"), 100);
    const auto next =
        Poco::JSON::Parser().parse(StockCatalogReader::v1PageBody("1003")).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(next->getObject("query")->getValue<std::string>("filter"),
              "{\"numericId\":{\"$gt\":\"1003\"}}");

    const auto v3 = Poco::JSON::Parser()
                        .parse(StockCatalogReader::v3NextPageBody(1000, "abc"))
                        .extract<Poco::JSON::Object::Ptr>();
    EXPECT_FALSE(v3->getObject("query")->has("filter"));
    EXPECT_EQ(v3->getObject("query")->getObject("cursorPaging")->getValue<std::string>("cursor"), "abc");
    const auto byIds = Poco::JSON::Parser()
                           .parse(StockCatalogReader::v3FirstPageBody(100, {"i1", "i2"}))
                           .extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(byIds->getObject("query")->getObject("filter")->getObject("id")->getArray("$in")->size(), 2u);
}

TEST(StockPushJob, WriteBodiesQuoteTheVariantOrTheRevision) {
    WixStockItem v1 = tracked("A", 1);
    EXPECT_EQ(StockPushJob::v1UpdateBody({&v1}, {5}),
              "{\"inventoryItem\":{\"trackQuantity\":true,\"variants\":[{\"quantity\":5,\"variantId\":"
              "\"00000000-0000-0000-0000-000000000000\"}]}}");
    WixStockItem v3 = tracked("B", 1);
    v3.inventoryItemId = "i9";
    v3.revision = "4";
    const auto body =
        Poco::JSON::Parser().parse(StockPushJob::v3UpdateBody({&v3}, {0})).extract<Poco::JSON::Object::Ptr>();
    const auto item = body->getArray("inventoryItems")->getObject(0)->getObject("inventoryItem");
    EXPECT_EQ(item->getValue<std::string>("id"), "i9");
    EXPECT_EQ(item->getValue<std::string>("revision"), "4");
    EXPECT_EQ(item->getValue<int>("quantity"), 0);
}

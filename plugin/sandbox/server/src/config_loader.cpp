#include "wix_sandbox/server/config_loader.h"

#include <fstream>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "wix_sandbox/catalog/catalog_spec_json.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/server/model_json.h"

namespace wix_sandbox {

ShopConfig ConfigLoader::load(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw Poco::FileNotFoundException("cannot read sandbox config", file);
    std::stringstream text;
    text << in.rdbuf();
    try {
        return parse(JsonBody::parseObjectStrict(text.str()));
    } catch (const Poco::Exception& error) {
        throw Poco::DataFormatException("bad sandbox config " + file, error.displayText());
    }
}

ShopConfig ConfigLoader::parse(const Poco::JSON::Object::Ptr& root) {
    ShopConfig config;
    config.seedShop = root->optValue("seedShop", true);
    if (Poco::JSON::Array::Ptr sites = root->getArray("sites"))
        for (std::size_t i = 0; i < sites->size(); ++i) readSite(sites->getObject(i), config);
    if (Poco::JSON::Array::Ptr keys = root->getArray("keys"))
        for (std::size_t i = 0; i < keys->size(); ++i)
            config.keys.push_back(ModelJson::keyFromJson(keys->getObject(i)));
    if (Poco::JSON::Array::Ptr orders = root->getArray("orders")) {
        for (std::size_t i = 0; i < orders->size(); ++i) {
            Poco::JSON::Object::Ptr entry = orders->getObject(i);
            if (!entry || !entry->getObject("order"))
                throw Poco::DataFormatException("orders[] needs siteId and order");
            config.orders.emplace_back(entry->getValue<std::string>("siteId"),
                                       JsonBody::stringify(entry->getObject("order")));
        }
    }
    return config;
}

void ConfigLoader::readSite(const Poco::JSON::Object::Ptr& json, ShopConfig& config) {
    if (!json) throw Poco::DataFormatException("sites[] entries must be objects");
    SiteInfo site = ModelJson::siteFromJson(json, SiteInfo{});
    // "orders": N asks the generator for N APPROVED orders on that site.
    const int generated = json->optValue("orders", 0);
    if (generated > 0) config.generatedOrders.emplace_back(site.siteId, generated);
    // "catalog": {"skus": N, …options} or {"products": […]} puts a catalog on the site.
    if (Poco::JSON::Object::Ptr catalog = json->getObject("catalog")) {
        CatalogSeed seed = CatalogSpecJson::seedFromJson(catalog);
        seed.siteId = site.siteId;
        config.catalogs.push_back(std::move(seed));
    }
    config.sites.push_back(std::move(site));
}

}  // namespace wix_sandbox

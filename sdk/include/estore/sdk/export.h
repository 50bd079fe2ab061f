#pragma once
// What a plugin writes once, in one source file, to export itself:
//
//     ESTORE_PLUGIN(my::WixStore, "wix")
//
// It exports four functions under stable alias names (Boost.DLL section "boostdll", so the host can
// list them without running any plugin code): the API version (read first), the platform id, a factory
// and a destroyer. The plugin creates and destroys its own objects; no exception leaves them.
#include <boost/dll/alias.hpp>
#include <cstdint>
#include <new>

#include "estore/host_api/electronic_store.h"
#include "estore/host_api/version.h"

#define ESTORE_PLUGIN_WITH_VERSION(StoreClass, platformIdLiteral, apiMajor, apiMinor) \
    namespace estore_plugin_exports {                                                 \
    std::uint32_t apiVersion() noexcept {                                             \
        return ::estore::host_api::ApiVersion{apiMajor, apiMinor}.packed();           \
    }                                                                                 \
    const char* platformId() noexcept {                                               \
        return platformIdLiteral;                                                     \
    }                                                                                 \
    ::estore::host_api::ElectronicStore* create() noexcept {                          \
        try {                                                                         \
            return new StoreClass();                                                  \
        } catch (...) {                                                               \
            return nullptr;                                                           \
        }                                                                             \
    }                                                                                 \
    void destroy(::estore::host_api::ElectronicStore* store) noexcept {               \
        delete static_cast<StoreClass*>(store);                                       \
    }                                                                                 \
    }                                                                                 \
    BOOST_DLL_ALIAS(estore_plugin_exports::apiVersion, estore_api_version)            \
    BOOST_DLL_ALIAS(estore_plugin_exports::platformId, estore_platform_id)            \
    BOOST_DLL_ALIAS(estore_plugin_exports::create, estore_create)                     \
    BOOST_DLL_ALIAS(estore_plugin_exports::destroy, estore_destroy)

#define ESTORE_PLUGIN(StoreClass, platformIdLiteral)                                         \
    ESTORE_PLUGIN_WITH_VERSION(StoreClass, platformIdLiteral, ::estore::host_api::kApiMajor, \
                               ::estore::host_api::kApiMinor)

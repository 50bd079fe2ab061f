#pragma once
// Owning pointers to OpenSSL objects, each freed with OpenSSL's own function: one deleter for all of them,
// for the fiscal code and furs-sandbox alike.
#include <memory>

namespace estore::host {

template <auto Free>
struct OpenSslFree {
    template <class T>
    void operator()(T* object) const {
        Free(object);
    }
};

/// std::unique_ptr<EVP_PKEY, OpenSslFree<EVP_PKEY_free>> and so on.
template <class T, auto Free>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree<Free>>;

}  // namespace estore::host

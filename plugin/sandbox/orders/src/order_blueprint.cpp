#include "wix_sandbox/orders/order_blueprint.h"

#include "wix_sandbox/orders/order_composer.h"

namespace wix_sandbox {

std::string OrderBlueprint::render() const {
    return composer->compose(*site, number, index, status, seed).json;
}

}  // namespace wix_sandbox

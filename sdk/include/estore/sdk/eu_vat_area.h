#pragma once
// Which countries are in the EU's VAT area for goods, by the ISO 3166-1 alpha-2 code a shop gives: the 27
// member states (Greece as "GR" or the EU's own "EL") and Northern Ireland ("XI", in the area for goods
// under the Windsor Framework). Monaco is in France's VAT territory (Council Directive 2006/112/EC,
// Art. 7(1)) and counts as "FR" only when the caller maps it so.
#include <string>
#include <string_view>

namespace estore::sdk {

bool isEuVatArea(std::string_view country);

/// The VAT country of an address: Northern Ireland ("GB" in subdivision "GB-NIR", ISO 3166-2) is "XI",
/// Monaco is France, Greece's "EL" is "GR"; any other country is itself.
std::string vatCountryOf(std::string_view country, std::string_view subdivision);

}  // namespace estore::sdk

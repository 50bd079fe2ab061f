#pragma once
// Stock per warehouse (what stock.push sends to the shops) and a CSV upload that replaces levels the way
// `estore-host stock import` does: product_code;on_hand;reserved, every row or none, each refused row
// named with its line number.
#include <string>

namespace estore::host {

class AdminRequest;

class StockPage {
public:
    static constexpr int kPageSize = 100;
    static constexpr std::size_t kProblemsShown = 50;

    /// GET /stock?warehouse=CODE&page=N
    static void show(AdminRequest& request);
    /// POST /stock/import (multipart: warehouse, csv)
    static void upload(AdminRequest& request);

private:
    static void render(AdminRequest& request, int status, const std::string& warehouse,
                       const std::string& message);
};

}  // namespace estore::host

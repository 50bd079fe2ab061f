#pragma once
#include <string>
#include <vector>

#include "estore/host/storage/job_repository.h"

namespace estore::host {

class CommandContext;
struct Language;

/// `estore-host jobs [--json]`: every store's jobs, when they run next and how the last run went.
class JobsCommand {
public:
    static int run(CommandContext& ctx);
    /// The aligned text listing (also used by add-store and demo), its headings in `lang`; withStore adds
    /// the store column.
    static std::string table(const std::vector<JobRecord>& jobs, bool withStore, const Language& lang);
};

}  // namespace estore::host

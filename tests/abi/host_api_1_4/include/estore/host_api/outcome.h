#pragma once
// The result of every plugin operation. Nothing else (no exception) leaves the plugin.
#include <string>

namespace estore::host_api {

/// Text a user sees, in Slovenian and English.
struct Text {
    std::string sl;
    std::string en;
};

enum class ErrorCategory {
    None,         ///< not an error
    Config,       ///< the store's settings are wrong; the user must change them
    Auth,         ///< the credentials are wrong or revoked
    Permission,   ///< the credentials work but lack a permission or access to this shop
    NotFound,     ///< the shop or the record does not exist
    RateLimited,  ///< the platform asks to slow down; retry after retryAfterSeconds
    Transient,    ///< a passing failure (outage, timeout, dropped connection); retry later
    Permanent,    ///< retrying will not help without a change somewhere
};

struct Outcome {
    ErrorCategory category = ErrorCategory::None;
    std::string code;           ///< stable machine code, e.g. "wix.auth.invalid_key"; empty when ok
    Text message;               ///< what the user reads
    std::string detail;         ///< diagnostics for the log; never a secret
    std::string field;          ///< the dialog field the error is about, if any
    int retryAfterSeconds = 0;  ///< with RateLimited / Transient: a hint for the scheduler

    bool ok() const { return category == ErrorCategory::None; }
    bool retryable() const {
        return category == ErrorCategory::RateLimited || category == ErrorCategory::Transient;
    }

    static Outcome success() { return {}; }
    static Outcome failure(ErrorCategory category, std::string code, Text message, std::string detail = {},
                           std::string field = {}) {
        Outcome o;
        o.category = category;
        o.code = std::move(code);
        o.message = std::move(message);
        o.detail = std::move(detail);
        o.field = std::move(field);
        return o;
    }
};

/// Stable lower-case names, used in JSON output and logs.
inline const char* categoryName(ErrorCategory c) {
    switch (c) {
        case ErrorCategory::None: return "ok";
        case ErrorCategory::Config: return "config";
        case ErrorCategory::Auth: return "auth";
        case ErrorCategory::Permission: return "permission";
        case ErrorCategory::NotFound: return "not_found";
        case ErrorCategory::RateLimited: return "rate_limited";
        case ErrorCategory::Transient: return "transient";
        case ErrorCategory::Permanent: return "permanent";
    }
    return "permanent";
}

}  // namespace estore::host_api

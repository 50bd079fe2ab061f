#include "estore/host/config/config_keys.h"

#include <algorithm>

namespace estore::host {

namespace {

std::vector<ConfigKey> makeKeys() {
    return {
        {"host.db", "./estore-data/estore.db", "SQLite file or postgresql://user@host:port/dbname"},
        {"host.plugins_dir", "<bin>/../plugins",
         "where plugins are found, each in a folder with its manifest"},
        {"host.secret_key_file", "secret.key beside the database",
         "the key that seals the stores' secrets (or ESTORE_SECRET_KEY)"},
        {"host.lease_seconds", "300", "how long a worker's claim on a job holds without renewal"},
        {"host.poll_millis", "1000", "how often the run loop looks for due jobs"},
        {"host.job_deadline_seconds", "21600", "a run's lease is not renewed longer"},
        {"host.inbox_poll_millis", "100", "how often the run loop looks at the shared webhook inbox"},
        {"host.job_interval.*", "", "a job's interval in seconds (host.job_interval.<job id>)"},
        {"host.public_url", "", "the address shops call for webhooks"},
        {"host.ui_bind", "127.0.0.1", "the admin pages' address"},
        {"host.ui_port", "8090", "the admin pages' port (estore-host run serves them when it is set)"},
        {"host.ui_secure_cookies", "false", "true behind an https proxy: cookies only over https"},
        {"host.ui_threads", "8", "admin page requests served at once (a database connection each)"},
        {"host.webhook_bind", "127.0.0.1", "the webhook endpoint's address"},
        {"host.webhook_port", "8080", "the webhook endpoint's port"},
        {"host.webhook_max_bytes", "262144", "the largest webhook body read"},
        {"host.webhook_max_connections", "64", "connections the webhook endpoint serves at once"},
        {"host.webhook_max_per_address", "8", "connections from one address at once"},
        {"host.webhook_header_timeout_ms", "2000", "time a client has to send its headers"},
        {"host.webhook_request_deadline_ms", "5000", "time a client has to send its whole request"},
        {"host.webhook_journal_dir", "", "where webhooks are journaled before the database has them"},
        {"host.webhook_token_check_millis", "20", "how long a webhook token check takes at least"},
        {"company.name", "", "the company that issues invoices"},
        {"company.address", "", "its address on invoices"},
        {"company.tax_number", "", "its tax number (8 digits, mod-11 checked)"},
        {"fiscal.certificate", "", "the company's FURS certificate (.p12 or PEM)"},
        {"fiscal.private_key", "", "its private key when the certificate is PEM"},
        {"fiscal.key_password", "", "the certificate's password", true},
        {"fiscal.furs_url", "https://blagajne-test.fu.gov.si:9002",
         "FURS's address (default: its test service)"},
        {"fiscal.furs_ca_file", "", "extra CA certificates for FURS"},
        {"fiscal.furs_timeout_ms", "3000", "how long FURS may take to answer"},
        {"fiscal.retry_seconds", "60", "how often invoices without an EOR are sent again"},
        {"fiscal.operator_tax_number", "", "the tax number of the person issuing (FURS's OperatorTaxNumber)"},
        {"fiscal.software_supplier", "", "the software supplier's tax number (premise registration)"},
        {"mail.outbox_dir", "", "invoice e-mails written to a folder instead of sent"},
        {"mail.smtp_host", "", "the SMTP server"},
        {"mail.smtp_port", "25", "its port"},
        {"mail.smtp_tls", "starttls", "starttls or none"},
        {"mail.smtp_ca_file", "", "extra CA certificates for the SMTP server"},
        {"mail.smtp_user", "", "SMTP user"},
        {"mail.smtp_password", "", "SMTP password", true},
        {"mail.from", "", "the sender of invoice e-mails"},
        {"mail.retry_seconds", "60", "how often failed e-mails are sent again"},
        {"logging.*", "",
         "Poco's logging configuration for run (a file, syslog …; see estore-host run --help)"},
        {"rates.ecb_url", "", "where the ECB's daily rates are fetched from (unset: no fetch)"},
        {"rates.check_seconds", "3600", "how often run looks for new ECB rates"},
        {"rates.timeout_ms", "15000", "how long the ECB may take"},
        {"rates.ca_file", "", "extra CA certificates for the rates URL"},
    };
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

const std::vector<ConfigKey>& ConfigKeys::known() {
    static const std::vector<ConfigKey> keys = makeKeys();
    return keys;
}

const ConfigKey* ConfigKeys::find(const std::string& key) {
    for (const auto& k : known()) {
        if (k.key == key) return &k;
        if (k.key.back() == '*' && key.size() > k.key.size() - 1 &&
            key.compare(0, k.key.size() - 1, k.key, 0, k.key.size() - 1) == 0)
            return &k;
    }
    return nullptr;
}

std::optional<std::string> ConfigKeys::nearest(const std::string& key) {
    std::optional<std::string> best;
    std::size_t bestDistance = 0;
    for (const auto& k : known()) {
        const std::size_t d = editDistance(key, k.key);
        if (!best || d < bestDistance) {
            best = k.key;
            bestDistance = d;
        }
    }
    // A typo is a few characters; farther than a third of the key is another word.
    if (!best || bestDistance > std::max<std::size_t>(2, key.size() / 3)) return std::nullopt;
    return best;
}

}  // namespace estore::host

#include "estore/host/storage/job_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

namespace {

constexpr const char* kColumns =
    "SELECT id, store_id, job, args, interval_seconds, next_run_at, lease_owner, lease_until, attempts, "
    "last_status, last_error, last_summary, last_counts, last_run_at, progress FROM jobs";

std::string countsText(const std::map<std::string, std::int64_t>& counts) {
    std::map<std::string, std::string> text;
    for (const auto& [name, count] : counts) text[name] = std::to_string(count);
    return JsonCodec::mapToText(text);
}

}  // namespace

std::int64_t JobRepository::scheduleRecurring(const std::string& storeId, const std::string& job,
                                              std::int64_t intervalSeconds, std::int64_t firstRunAt) {
    Transaction tx(_db);
    std::vector<Int64> existing;
    _db.session() << _db.sql("SELECT id FROM jobs WHERE store_id = ? AND job = ? AND interval_seconds > 0"),
        bind(storeId), bind(job), into(existing), now;
    Int64 id = 0;
    if (!existing.empty()) {
        id = existing.front();
        _db.session() << _db.sql("UPDATE jobs SET interval_seconds = ?, next_run_at = ? WHERE id = ?"),
            bind(Int64(intervalSeconds)), bind(Int64(firstRunAt)), bind(id), now;
    } else {
        id = Sequence::next(_db, "job");
        _db.session() << _db.sql(
            "INSERT INTO jobs (id, store_id, job, args, interval_seconds, next_run_at, attempts, "
            "created_at) VALUES (?, ?, ?, '{}', ?, ?, 0, ?)"),
            bind(id), bind(storeId), bind(job), bind(Int64(intervalSeconds)), bind(Int64(firstRunAt)),
            bind(Int64(Database::nowMillis())), now;
    }
    tx.commit();
    return id;
}

std::int64_t JobRepository::enqueueOnce(const std::string& storeId, const std::string& job,
                                        const std::map<std::string, std::string>& args, std::int64_t runAt) {
    Transaction tx(_db);
    const Int64 id = Sequence::next(_db, "job");
    _db.session() << _db.sql(
        "INSERT INTO jobs (id, store_id, job, args, interval_seconds, next_run_at, attempts, "
        "created_at) VALUES (?, ?, ?, ?, 0, ?, 0, ?)"),
        bind(id), bind(storeId), bind(job), bind(JsonCodec::mapToText(args)), bind(Int64(runAt)),
        bind(Int64(Database::nowMillis())), now;
    tx.commit();
    return id;
}

bool JobRepository::hasQueuedOnce(const std::string& storeId, const std::string& job,
                                  const std::map<std::string, std::string>& args, std::int64_t nowMs) {
    Int64 count = 0;
    _db.session() << _db.sql(
        "SELECT COUNT(*) FROM jobs WHERE store_id = ? AND job = ? AND args = ? AND interval_seconds = 0 "
        "AND lease_owner IS NULL AND next_run_at <= ?"),
        bind(storeId), bind(job), bind(JsonCodec::mapToText(args)), bind(Int64(nowMs)), into(count), now;
    return count > 0;
}

bool JobRepository::cancel(const std::string& storeId, const std::string& job) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("DELETE FROM jobs WHERE store_id = ? AND job = ?"), bind(storeId), bind(job);
    return statement.execute() > 0;
}

void JobRepository::removeForStore(const std::string& storeId) {
    _db.session() << _db.sql("DELETE FROM jobs WHERE store_id = ?"), bind(storeId), now;
}

std::vector<JobRecord> JobRepository::list(const std::string& storeId) {
    return storeId.empty() ? select("", {}, 0) : select(" WHERE store_id = ?", storeId, 0);
}

std::optional<JobRecord> JobRepository::find(std::int64_t id) {
    auto rows = select(" WHERE id = ?", {}, id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<JobRecord> JobRepository::select(const std::string& where, const std::string& storeId,
                                             std::int64_t id) {
    using Row = Poco::Tuple<Int64, std::string, std::string, std::string, Int64, Int64, std::string, Int64,
                            Int64, std::string, std::string, std::string, std::string, Int64, std::string>;
    std::vector<Row> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(std::string(kColumns) + where + " ORDER BY store_id, next_run_at, id"), into(rows);
    if (!storeId.empty()) statement, bind(storeId);
    if (id != 0) statement, bind(Int64(id));
    statement.execute();

    std::vector<JobRecord> jobs;
    for (const auto& row : rows) {
        JobRecord job;
        job.id = row.get<0>();
        job.storeId = row.get<1>();
        job.job = row.get<2>();
        job.args = JsonCodec::mapFromText(row.get<3>());
        job.intervalSeconds = row.get<4>();
        job.nextRunAt = row.get<5>();
        job.leaseOwner = row.get<6>();  // NULL arrives as the empty default
        job.leaseUntil = row.get<7>();
        job.attempts = row.get<8>();
        job.lastStatus = row.get<9>();
        job.lastError = row.get<10>();
        job.lastSummary = row.get<11>();
        for (const auto& [name, count] : JsonCodec::mapFromText(row.get<12>()))
            job.lastCounts[name] = std::stoll(count);
        job.lastRunAt = row.get<13>();
        for (const auto& [name, count] : JsonCodec::mapFromText(row.get<14>()))
            job.progress[name] = std::stoll(count);
        jobs.push_back(std::move(job));
    }
    return jobs;
}

std::optional<JobRecord> JobRepository::claimNext(const std::string& owner, std::int64_t nowMs,
                                                  std::int64_t leaseMillis) {
    using Candidate = Poco::Tuple<Int64, std::string>;
    std::vector<Candidate> candidates;
    if (_db.dialect() == SqlDialect::PostgreSQL) {
        // Several workers share the table: lock the candidates' store rows, skipping the stores another
        // worker is claiming for at this moment (its claim decides; this one moves on to other stores).
        // Store row before job row, as in claim(), so claimers never wait on each other in a cycle.
        Transaction tx(_db);
        _db.session() << _db.sql(
            "SELECT jobs.id, jobs.store_id FROM jobs JOIN stores s ON s.id = jobs.store_id "
            "WHERE jobs.next_run_at <= ? AND (jobs.lease_owner IS NULL OR jobs.lease_until < ?) "
            "AND s.status <> 'needs_attention' ORDER BY jobs.next_run_at, jobs.id LIMIT 50 "
            "FOR UPDATE OF s SKIP LOCKED"),
            bind(Int64(nowMs)), bind(Int64(nowMs)), into(candidates), Poco::Data::Keywords::now;
        for (const auto& candidate : candidates) {
            if (tryClaim(candidate.get<0>(), candidate.get<1>(), owner, nowMs, leaseMillis)) {
                tx.commit();
                return find(candidate.get<0>());
            }
        }
        tx.commit();
        return std::nullopt;
    }
    // SQLite has one writer at a time: candidates are read without a lock; tryClaim re-checks everything
    // in one conditional UPDATE. Paused stores are left out here already, so their jobs cannot crowd the
    // others out of the 50.
    _db.session() << _db.sql(
        "SELECT id, store_id FROM jobs WHERE next_run_at <= ? AND "
        "(lease_owner IS NULL OR lease_until < ?) AND NOT EXISTS (SELECT 1 FROM stores s "
        "WHERE s.id = jobs.store_id AND s.status = 'needs_attention') ORDER BY next_run_at, id LIMIT 50"),
        bind(Int64(nowMs)), bind(Int64(nowMs)), into(candidates), Poco::Data::Keywords::now;
    for (const auto& candidate : candidates) {
        if (tryClaim(candidate.get<0>(), candidate.get<1>(), owner, nowMs, leaseMillis))
            return find(candidate.get<0>());
    }
    return std::nullopt;
}

bool JobRepository::tryClaim(std::int64_t id, const std::string& storeId, const std::string& owner,
                             std::int64_t nowMs, std::int64_t leaseMillis) {
    return claim(id, storeId, owner, nowMs, leaseMillis, true);
}

std::optional<JobRecord> JobRepository::claimNow(const std::string& storeId, const std::string& job,
                                                 const std::string& owner, std::int64_t nowMs,
                                                 std::int64_t leaseMillis) {
    Transaction tx(_db);
    std::vector<Int64> recurring;
    _db.session() << _db.sql("SELECT id FROM jobs WHERE store_id = ? AND job = ? AND interval_seconds > 0"),
        bind(storeId), bind(job), into(recurring), Poco::Data::Keywords::now;
    const std::int64_t id = recurring.empty() ? enqueueOnce(storeId, job, {}, nowMs) : recurring.front();
    if (!claim(id, storeId, owner, nowMs, leaseMillis, false)) {
        tx.rollback();  // the one-off row, if we made one, goes again
        return std::nullopt;
    }
    tx.commit();
    return find(id);
}

bool JobRepository::claim(std::int64_t id, const std::string& storeId, const std::string& owner,
                          std::int64_t nowMs, std::int64_t leaseMillis, bool scheduled) {
    Transaction tx(_db);
    // Touch the store row first: on PostgreSQL this row lock makes claimers of the same store take
    // turns, so the "no other job of this store is leased" check below sees the winner's lease.
    _db.session() << _db.sql("UPDATE stores SET claims = claims + 1 WHERE id = ?"), bind(storeId),
        Poco::Data::Keywords::now;
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        std::string(
            "UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1, progress = '' "
            "WHERE id = ? AND (lease_owner IS NULL OR lease_until < ?) "
            "AND NOT EXISTS (SELECT 1 FROM jobs other WHERE other.store_id = ? AND other.id <> ? "
            "AND other.lease_owner IS NOT NULL AND other.lease_until >= ?)") +
        (scheduled ? " AND next_run_at <= ? AND NOT EXISTS (SELECT 1 FROM stores s WHERE s.id = ? "
                     "AND s.status = 'needs_attention')"
                   : "")),
        bind(owner), bind(Int64(nowMs + leaseMillis)), bind(Int64(id)), bind(Int64(nowMs)), bind(storeId),
        bind(Int64(id)), bind(Int64(nowMs));
    if (scheduled) update, bind(Int64(nowMs)), bind(storeId);
    update.execute();
    // Read back rather than trust the driver's changed-row count: the owner is unique per attempt.
    Poco::Nullable<std::string> holder;
    _db.session() << _db.sql("SELECT lease_owner FROM jobs WHERE id = ?"), bind(Int64(id)), into(holder),
        Poco::Data::Keywords::now;
    tx.commit();
    return !holder.isNull() && holder.value() == owner;
}

bool JobRepository::renewLease(std::int64_t id, const std::string& owner, std::int64_t until) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ?"),
        bind(Int64(until)), bind(Int64(id)), bind(owner);
    return statement.execute() > 0;
}

bool JobRepository::reportProgress(std::int64_t id, const std::string& owner,
                                   const std::map<std::string, std::int64_t>& counts, std::int64_t until) {
    Poco::Data::Statement statement(_db.session());
    if (until > 0)
        statement << _db.sql(
            "UPDATE jobs SET progress = ?, lease_until = ? WHERE id = ? AND lease_owner = ?"),
            bind(countsText(counts)), bind(Int64(until)), bind(Int64(id)), bind(owner);
    else
        statement << _db.sql("UPDATE jobs SET progress = ? WHERE id = ? AND lease_owner = ?"),
            bind(countsText(counts)), bind(Int64(id)), bind(owner);
    return statement.execute() > 0;
}

bool JobRepository::runSoon(const std::string& storeId, const std::string& job, std::int64_t nowMs) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "UPDATE jobs SET next_run_at = ? WHERE store_id = ? AND job = ? AND interval_seconds > 0 "
        "AND next_run_at > ?"),
        bind(Int64(nowMs)), bind(storeId), bind(job), bind(Int64(nowMs));
    statement.execute();
    Int64 recurring = 0;
    _db.session() << _db.sql(
        "SELECT COUNT(*) FROM jobs WHERE store_id = ? AND job = ? AND interval_seconds > 0"),
        bind(storeId), bind(job), into(recurring), now;
    return recurring > 0;
}

bool JobRepository::finish(const JobRecord& job, const std::string& owner, const JobCompletion& completion) {
    Transaction tx(_db);
    Poco::Nullable<std::string> holder;
    _db.session() << _db.sql("SELECT lease_owner FROM jobs WHERE id = ?"), bind(Int64(job.id)), into(holder),
        now;
    if (holder.isNull() || holder.value() != owner)
        return false;  // lost the lease: someone else owns the row now
    if (completion.remove) {
        _db.session() << _db.sql("DELETE FROM jobs WHERE id = ?"), bind(Int64(job.id)), now;
    } else {
        _db.session() << _db.sql(
            "UPDATE jobs SET lease_owner = NULL, lease_until = NULL, progress = '', next_run_at = ?, "
            "attempts = ?, last_status = ?, last_error = ?, last_summary = ?, last_counts = ?, last_run_at = "
            "? "
            "WHERE id = ?"),
            bind(Int64(completion.nextRunAt)), bind(Int64(completion.attempts)), bind(completion.status),
            bind(completion.error), bind(completion.summary), bind(countsText(completion.counts)),
            bind(Int64(completion.ranAt)), bind(Int64(job.id)), now;
    }
    tx.commit();
    return true;
}

}  // namespace estore::host

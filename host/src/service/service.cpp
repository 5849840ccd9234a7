// The service: a pool of routers over plugins loaded once, the bearer-token check with its throttle, one writer
// at a time, and the audit row of every request that writes, reads client data or is refused.
#include "service/service.hpp"

#include <algorithm>

#include "error_reply.hpp"
#include "host_commands.hpp"
#include "jobcenter/identity_code.hpp"
#include "plugin_loader.hpp"
#include "router.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

// How much of a request the audit row keeps: enough to tell what was asked, never a whole file's worth.
constexpr std::size_t audited_request_chars = 400;
// Failures from one peer are forgotten after this long without another.
constexpr std::chrono::minutes failure_memory{10};
constexpr std::chrono::seconds first_throttle{4};
constexpr std::chrono::seconds longest_throttle{300};
constexpr std::size_t most_remembered_peers = 10000;

class QuietProgress final : public Progress {
public:
    void start(std::string_view, std::uint64_t) override {}
    void advance(std::uint64_t) override {}
    void finish() override {}
};

CallOutcome outcome_of(const Error& error) {
    if (dynamic_cast<const AccessDeniedError*>(&error)) return CallOutcome::forbidden;
    if (dynamic_cast<const DatabaseBusyError*>(&error)) return CallOutcome::busy;
    switch (error.code()) {
        case ExitCode::ok: return CallOutcome::ok;
        case ExitCode::usage:
        case ExitCode::bad_input: return CallOutcome::bad_request;
        case ExitCode::not_found: return CallOutcome::not_found;
        case ExitCode::refused: return CallOutcome::refused;
        case ExitCode::script: return CallOutcome::script_failed;
        case ExitCode::internal: return CallOutcome::internal;
    }
    return CallOutcome::internal;
}

std::string_view channel_name(Channel channel) { return channel == Channel::http ? "http" : "c_api"; }

// The request as the audit row keeps it: compact JSON, identity codes masked, cut at a bounded length.
std::string audited_request(Channel channel, const json::object& request) {
    std::string text = mask_identity_codes(json::serialize(request));
    if (text.size() > audited_request_chars) text = text.substr(0, audited_request_chars) + "...";
    return std::string(channel_name(channel)) + " " + text;
}

void insert_request_row(Database& db, const std::string& at, const Identity& identity, Channel channel,
                        std::string_view command, const json::object& request, std::string_view outcome) {
    auto& insert = db.cached(
        "INSERT INTO audit_log(at, unit, role, action, subject_kind, subject_id, detail, actor, outcome) "
        "VALUES(?, ?, ?, 'request', 'command', ?, ?, ?, ?)");
    insert.bind_all(at, identity.unit, std::string(role_name(identity.role)), command,
                    audited_request(channel, request), identity.token_name, outcome);
    insert.run();
}

std::int64_t last_audit_row(Database& db) {
    auto& q = db.cached("SELECT coalesce(max(id), 0) FROM audit_log");
    q.step();
    const std::int64_t id = q.get_int(0);
    q.reset();
    return id;
}

}  // namespace

struct Service::Shared {
    PluginSet plugins;
    SystemClock clock;
    StderrLogger log{Logger::Level::warning};
};

class Service::RouterLease {
public:
    RouterLease(Service& service, std::unique_ptr<CommandRouter> router) : service_(service), router_(std::move(router)) {}
    RouterLease(RouterLease&&) = default;
    ~RouterLease() {
        if (router_) service_.give_back(std::move(router_));
    }
    CommandRouter& operator*() { return *router_; }
    CommandRouter* operator->() { return router_.get(); }

private:
    Service& service_;
    std::unique_ptr<CommandRouter> router_;
};

Service::Service(ServiceConfig config)
    : config_(std::move(config)), tokens_(config_.tokens), shared_(std::make_unique<Shared>()) {
    shared_->plugins = load_plugins(config_.paths.plugins);
    for (const auto& refused : shared_->plugins.refused)
        shared_->log.warn("plugin " + refused.file.filename().string() + " refused: " + refused.reason);
    tokens_.list();  // a malformed token file is an error at start, naming its line
    auto first = lease_router();
    first->database();  // opens and migrates once, before any request
}

Service::~Service() {
    // Routers hold objects made by plugin code: they go before the plugins.
    idle_routers_.clear();
}

Service::RouterLease Service::lease_router() {
    {
        std::lock_guard lock(pool_mutex_);
        if (!idle_routers_.empty()) {
            auto router = std::move(idle_routers_.back());
            idle_routers_.pop_back();
            return RouterLease(*this, std::move(router));
        }
    }
    OpenOptions options;
    options.busy_timeout_ms = static_cast<int>(config_.write_wait.count() * 1000);
    options.map_file = false;  // SQLite drops a connection's map at every commit it sees: see docs/http.md#load
    // Without the map a connection reads pages into its own cache (emptied whenever another one commits).
    options.cache_kib = static_cast<std::int64_t>(config_.cache_mib) * 1024;
    SandboxLimits limits;
    limits.recheck_files = config_.script_recheck;
    auto router = std::make_unique<CommandRouter>(config_.paths, shared_->plugins, shared_->clock, shared_->log,
                                                  limits, options);
    add_host_commands(*router);
    return RouterLease(*this, std::move(router));
}

void Service::give_back(std::unique_ptr<CommandRouter> router) {
    std::lock_guard lock(pool_mutex_);
    idle_routers_.push_back(std::move(router));
}

bool Service::peer_is_throttled(std::string_view peer, std::chrono::steady_clock::time_point now, AuthResult& result) {
    std::lock_guard lock(failures_mutex_);
    auto it = failures_.find(peer);
    if (it == failures_.end() || it->second.blocked_until <= now) return false;
    result.outcome = AuthOutcome::throttled;
    result.retry_after = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now);
    return true;
}

void Service::count_failure(std::string_view peer, std::chrono::steady_clock::time_point now) {
    std::lock_guard lock(failures_mutex_);
    if (failures_.size() >= most_remembered_peers)
        std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.last > failure_memory; });
    auto& failures = failures_[std::string(peer)];
    if (now - failures.last > failure_memory) failures.count = 0;
    failures.last = now;
    ++failures.count;
    const unsigned allowed = config_.auth_failures_before_throttle;
    if (failures.count >= allowed) {
        // 4 s after the allowed failures, doubling with each further attempt, at most five minutes.
        const unsigned doublings = std::min(failures.count - allowed, 7u);
        failures.blocked_until =
            now + std::min<std::chrono::seconds>(first_throttle * (1u << doublings), longest_throttle);
    }
}

AuthResult Service::authenticate(std::string_view secret, std::string_view peer) {
    AuthResult result;
    const auto now = std::chrono::steady_clock::now();
    if (peer_is_throttled(peer, now, result)) {
        count_failure(peer, now);  // hammering on during the pause makes the pause longer
        return result;
    }
    if (secret.empty()) return result;
    auto record = tokens_.find_by_secret(secret);
    if (!record) {
        count_failure(peer, now);
        result.outcome = AuthOutcome::unknown;
        return result;
    }
    {
        std::lock_guard lock(failures_mutex_);
        failures_.erase(std::string(peer));
    }
    result.outcome = AuthOutcome::accepted;
    result.identity = Identity{record->name, record->unit, record->role};
    return result;
}

CallResult Service::call(const Identity& identity, Channel channel, std::string_view group, std::string_view command,
                         const json::object& request) {
    auto router = lease_router();
    return run_call(*router, identity, channel, group, command, request);
}

CallResult Service::run_call(CommandRouter& router, const Identity& identity, Channel channel, std::string_view group,
                             std::string_view command_name, const json::object& request) {
    const std::string qualified = std::string(group) + "." + std::string(command_name);
    const Command* command = router.find(group, command_name);
    if (!command)
        return {CallOutcome::not_found,
                error_reply(NotFoundError("no command '" + qualified + "': GET /api/plugins lists them", qualified))};
    const bool writes = command->access != Access::read && command->uses_database;
    std::unique_lock<std::mutex> writer(write_mutex_, std::defer_lock);
    if (writes) writer.lock();

    const Caller caller{identity.unit, identity.role, identity.token_name};
    QuietProgress progress;
    std::int64_t audit_rows_before = 0;
    try {
        if (!writes && command->uses_database) audit_rows_before = last_audit_row(router.database());
        auto audit_the_request = [&](Database& db) {
            insert_request_row(db, shared_->clock.now_iso(), identity, channel, qualified, request, "ok");
        };
        json::value reply = router.execute(caller, group, command_name, request, progress,
                                           writes ? CommandRouter::BeforeCommit(audit_the_request) : CommandRouter::BeforeCommit{});
        // A read command that still read client data (it audited) gets its request row too.
        if (!writes && command->uses_database && last_audit_row(router.database()) > audit_rows_before) {
            std::lock_guard late_writer(write_mutex_);
            Transaction t(router.database());
            audit_the_request(router.database());
            t.commit();
        }
        return {CallOutcome::ok, std::move(reply)};
    } catch (const Error& e) {
        const CallOutcome outcome = outcome_of(e);
        if (writes || outcome == CallOutcome::forbidden) {
            if (!writer.owns_lock()) writer.lock();
            audit_failure(router, identity, channel, qualified, request, e);
        }
        return {outcome, error_reply(e)};
    } catch (const std::exception& e) {
        const InternalError internal(std::string("internal fault: ") + e.what());
        if (writes) audit_failure(router, identity, channel, qualified, request, internal);
        return {CallOutcome::internal, error_reply(internal)};
    }
}

void Service::audit_failure(CommandRouter& router, const Identity& identity, Channel channel, std::string_view command,
                            const json::object& request, const Error& error) {
    try {
        Database& db = router.database();
        Transaction t(db);
        insert_request_row(db, shared_->clock.now_iso(), identity, channel, command, request,
                           std::string(error_kind_name(error.code())) + ": " + mask_identity_codes(error.what()));
        t.commit();
    } catch (const std::exception& e) {
        shared_->log.error(std::string("the audit row of a failed request could not be written: ") + e.what());
    }
}

json::object Service::describe() {
    auto router = lease_router();
    return describe_plugins(*router);
}

bool Service::healthy() {
    try {
        auto router = lease_router();
        auto& q = router->database().cached("SELECT 1");
        const bool answered = q.step();
        q.reset();
        return answered;
    } catch (const std::exception&) {
        return false;
    }
}

int http_status(CallOutcome outcome) {
    switch (outcome) {
        case CallOutcome::ok: return 200;
        case CallOutcome::bad_request: return 400;
        case CallOutcome::forbidden: return 403;
        case CallOutcome::not_found: return 404;
        case CallOutcome::refused: return 409;
        case CallOutcome::script_failed: return 422;
        case CallOutcome::busy: return 503;
        case CallOutcome::internal: return 500;
    }
    return 500;
}

}  // namespace jobcenter

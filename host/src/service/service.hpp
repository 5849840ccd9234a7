// The service behind every front end that carries an identity (`jobcenter serve`, the C API): plugins loaded
// once, a pool of routers (each with its own database connection and script sandboxes) shared by threads,
// writes serialised, bearer tokens checked, and every request that changes data or reads client data audited.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"
#include "jobcenter/errors.hpp"
#include "service/service_config.hpp"
#include "service/token_store.hpp"

namespace jobcenter {

class CommandRouter;

// Who a request comes from, as its token says; never taken from the request itself.
struct Identity {
    std::string token_name;  // the token's name in the token file: "crm-pakila"
    std::string unit;        // "" for a token of no unit (a coordinator or admin across units)
    Role role = Role::viewer;
};

// What authenticate() decided about a bearer secret.
enum class AuthOutcome {
    accepted,   // `identity` is set
    missing,    // no secret given
    unknown,    // no token has this secret (or it was revoked)
    throttled,  // too many failures from this peer lately: refused without looking; try after `retry_after`
};

struct AuthResult {
    AuthOutcome outcome = AuthOutcome::missing;
    std::optional<Identity> identity;
    std::chrono::seconds retry_after{0};
};

// How a call ended: the command's reply, or its error as `--format json` prints it.
enum class CallOutcome {
    ok,
    bad_request,     // usage or bad input: malformed request, unknown flag value        (HTTP 400)
    forbidden,       // the role may not run the command, or the data is another unit's (HTTP 403)
    not_found,       // unknown command, orderer, client, unit                           (HTTP 404)
    refused,         // understood but not allowed now: a domain rule, a conflicting state (HTTP 409)
    busy,            // the database stayed locked by another process past the wait      (HTTP 503)
    script_failed,   // a unit's Lua script failed                                       (HTTP 422)
    internal,        // a fault in Jobcenter                                             (HTTP 500)
};

struct CallResult {
    CallOutcome outcome = CallOutcome::ok;
    boost::json::value body;  // the reply, or {"error": {"kind", "message", "where"}}
};

// Where a request came in, for the audit trail.
enum class Channel { http, c_api };

class Service {
public:
    // Loads the plugins and the token file named by `config`; opens and migrates the database once. Throws a
    // UsageError or NotFoundError naming the config key when something it names is missing.
    explicit Service(ServiceConfig config);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    const ServiceConfig& config() const { return config_; }

    // Checks a bearer secret in constant time against the token file (re-read when it changes on disk).
    // `peer` (an address) counts failures: after repeated ones from the same peer it answers `throttled`.
    AuthResult authenticate(std::string_view secret, std::string_view peer);

    // Runs "<plugin>.<command>" (or a built-in group's) as `identity`, from any thread. Read commands run in
    // parallel on their own connections; commands that write run one at a time. Writes, merges and reads of
    // client data leave an audit row with the token's name and the outcome, also when the command fails.
    CallResult call(const Identity& identity, Channel channel, std::string_view group, std::string_view command,
                    const boost::json::object& request);

    // `jobcenter plugins` as JSON: every group with its commands, flags and the role each needs.
    boost::json::object describe();

    // True when the database answers (a trivial read): /healthz.
    bool healthy();

private:
    struct Shared;
    class RouterLease;
    RouterLease lease_router();
    void give_back(std::unique_ptr<CommandRouter> router);
    CallResult run_call(CommandRouter& router, const Identity& identity, Channel channel, std::string_view group,
                        std::string_view command, const boost::json::object& request);
    void audit_failure(CommandRouter& router, const Identity& identity, Channel channel, std::string_view command,
                       const boost::json::object& request, const Error& error);
    bool peer_is_throttled(std::string_view peer, std::chrono::steady_clock::time_point now, AuthResult& result);
    void count_failure(std::string_view peer, std::chrono::steady_clock::time_point now);

    ServiceConfig config_;
    TokenStore tokens_;
    std::unique_ptr<Shared> shared_;  // the loaded plugins, clock and logger the routers share
    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<CommandRouter>> idle_routers_;
    std::mutex write_mutex_;  // one writing command at a time in this process
    struct PeerFailures {
        unsigned count = 0;
        std::chrono::steady_clock::time_point last{};
        std::chrono::steady_clock::time_point blocked_until{};
    };
    std::mutex failures_mutex_;
    std::map<std::string, PeerFailures, std::less<>> failures_;
};

// The HTTP status of a call's outcome.
int http_status(CallOutcome outcome);

}  // namespace jobcenter

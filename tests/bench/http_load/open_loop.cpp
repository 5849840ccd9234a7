// The open loop on one I/O thread: a timer releases each job at its due time into a queue, and idle
// kept-alive connections take jobs from it; a failed connection records its job unanswered and reconnects.
#include "bench/http_load/open_loop.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <deque>
#include <memory>

namespace jobcenter::load {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Due {
    std::uint64_t number = 0;
    Clock::time_point at;
};

class Engine;

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(net::io_context& io, Engine& engine) : stream_(io), pause_(io), engine_(engine) {}
    void open();
    void take(Due due);
    bool idle() const { return idle_; }

private:
    void on_read(beast::error_code ec);
    void fail();
    void reconnect();

    beast::tcp_stream stream_;
    net::steady_timer pause_;
    Engine& engine_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
    Due due_;
    Job job_;
    bool idle_ = false;
};

class Engine {
public:
    Engine(const LoadPlan& plan, const std::function<Job(std::uint64_t)>& make_job)
        : plan_(plan), make_job_(make_job), ticker_(io_), total_(static_cast<std::uint64_t>(
                                                                plan.rate * static_cast<double>(plan.duration.count()) / 1000.0)) {
        samples_.resize(total_);
    }

    std::vector<Sample> run() {
        for (unsigned i = 0; i < plan_.connections; ++i) {
            connections_.push_back(std::make_shared<Connection>(io_, *this));
            connections_.back()->open();
        }
        start_ = Clock::now();
        tick();
        io_.run();
        return std::move(samples_);
    }

    const LoadPlan& plan() const { return plan_; }
    Job job(std::uint64_t number) { return make_job_(number); }

    // A connection is free: it gets the next due job, if any.
    void ready(Connection& connection) {
        if (!queue_.empty()) {
            Due next = queue_.front();
            queue_.pop_front();
            connection.take(next);
        }
        finish_if_done();
    }
    void record(const Due& due, Sample sample) {
        samples_[due.number] = std::move(sample);
        ++recorded_;
    }

private:
    Clock::time_point due_time(std::uint64_t number) const {
        return start_ + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                            static_cast<double>(number) / plan_.rate));
    }

    void tick() {
        const auto now = Clock::now();
        while (issued_ < total_ && due_time(issued_) <= now) {
            queue_.push_back({issued_, due_time(issued_)});
            ++issued_;
        }
        // Idle connections take the jobs in turn, from where the last tick stopped: each stays in use, so none
        // sits idle long enough for the server's idle timeout to close it under a request.
        for (std::size_t looked = 0; looked < connections_.size() && !queue_.empty(); ++looked) {
            auto& connection = *connections_[next_idle_];
            next_idle_ = (next_idle_ + 1) % connections_.size();
            if (connection.idle()) ready(connection);
        }
        if (issued_ < total_) {
            ticker_.expires_at(due_time(issued_));
            ticker_.async_wait([this](beast::error_code ec) {
                if (!ec) tick();
            });
            return;
        }
        // Everything is issued: wait for the answers, up to the drain time.
        ticker_.expires_after(plan_.drain);
        ticker_.async_wait([this](beast::error_code ec) {
            if (!ec) io_.stop();
        });
        finish_if_done();
    }

    void finish_if_done() {
        if (issued_ == total_ && recorded_ == total_) {
            ticker_.cancel();
            io_.stop();
        }
    }

    LoadPlan plan_;
    const std::function<Job(std::uint64_t)>& make_job_;
    net::io_context io_;
    net::steady_timer ticker_;
    std::uint64_t total_ = 0;
    std::uint64_t issued_ = 0;
    std::uint64_t recorded_ = 0;
    Clock::time_point start_;
    std::deque<Due> queue_;
    std::vector<std::shared_ptr<Connection>> connections_;
    std::size_t next_idle_ = 0;
    std::vector<Sample> samples_;
};

void Connection::open() {
    idle_ = false;
    stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), engine_.plan().port),
                          [self = shared_from_this()](beast::error_code ec) {
                              if (ec) return self->fail();
                              self->stream_.socket().set_option(tcp::no_delay(true));
                              self->idle_ = true;
                              self->engine_.ready(*self);
                          });
}

void Connection::take(Due due) {
    idle_ = false;
    due_ = due;
    job_ = engine_.job(due.number);
    request_ = {http::verb::post, job_.target, 11};
    request_.set(http::field::host, "127.0.0.1");
    request_.set(http::field::authorization, "Bearer " + job_.token);
    request_.set(http::field::content_type, "application/json");
    request_.keep_alive(true);
    request_.body() = job_.body;
    request_.prepare_payload();
    http::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->fail();
        self->response_ = {};
        http::async_read(self->stream_, self->buffer_, self->response_,
                         [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
    });
}

void Connection::on_read(beast::error_code ec) {
    if (ec) return fail();
    const std::chrono::duration<double, std::milli> latency = Clock::now() - due_.at;
    engine_.record(due_, {job_.kind, response_.result_int(), latency.count(), job_.tag});
    job_ = {};
    if (!response_.keep_alive()) return reconnect();
    idle_ = true;
    engine_.ready(*this);
}

// The job in hand, if any, is recorded unanswered; a new connection replaces this one.
void Connection::fail() {
    if (!job_.target.empty()) {
        const std::chrono::duration<double, std::milli> latency = Clock::now() - due_.at;
        engine_.record(due_, {job_.kind, 0, latency.count(), job_.tag});
        job_ = {};
    }
    reconnect();
}

// After a short pause, so that a server that is gone does not make the client spin.
void Connection::reconnect() {
    idle_ = false;
    stream_.close();
    buffer_.clear();
    pause_.expires_after(std::chrono::milliseconds(10));
    pause_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->open();
    });
}

}  // namespace

std::vector<Sample> run_open_loop(const LoadPlan& plan, const std::function<Job(std::uint64_t)>& make_job) {
    Engine engine(plan, make_job);
    return engine.run();
}

}  // namespace jobcenter::load

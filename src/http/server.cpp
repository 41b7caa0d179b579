#include "http/server.hpp"

// clang 14 cannot emit UBSan's -fsanitize=function prologue for coroutine functions built with
// debug info ("error: Cannot represent a difference across sections"), which breaks the fuzz
// build (clang, -fsanitize=undefined, RelWithDebInfo). That check only guards calls through
// function pointers of the wrong type, which nothing in this file makes, so it is turned off
// here rather than losing the rest of UBSan. Must come before the Asio headers: their
// coroutines are instantiated in this file too.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((no_sanitize("function"))), apply_to = function)
#endif

#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/address.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "http/problem.hpp"

namespace copydesk::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);

namespace {

// The live channel's limits. A client only says what it looks at: its messages are small.
constexpr std::size_t kLiveMessageMax = 4096;
// Messages waiting for a client that reads too slowly; past this it is dropped, and resumes.
constexpr std::size_t kLiveQueueMax = 1000;
// Beast pings after half this much silence and drops the connection after all of it.
constexpr auto kLiveIdleTimeout = std::chrono::seconds(40);
// Time for the opening (past the HTTP request) and the closing handshakes.
constexpr auto kLiveHandshakeTimeout = std::chrono::seconds(5);

//! One client connection; shared between its coroutine and the shutdown logic.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  std::atomic<bool> busy{false};  // a request is being read past its head, handled or answered
  // Set once the connection became a WebSocket (guarded by the server's connections_mutex):
  // how shutdown asks it to close, and whether it already did.
  std::function<void()> stop;
  bool stop_asked = false;
};

//! A connection upgraded to the live channel. Reading happens in the server's coroutine;
//! writing in a coroutine of its own, from a queue that the hub fills from its thread: one
//! write at a time on the stream, and a slow reader never blocks whoever fills the queue
//! (Beast's chat-multi example, with the queue bounded).
class LiveSession : public std::enable_shared_from_this<LiveSession> {
 public:
  explicit LiveSession(std::shared_ptr<Connection> conn)
      : conn_(std::move(conn)), ws_(conn_->stream), wake_(conn_->stream.get_executor()) {}

  websocket::stream<beast::tcp_stream&>& ws() { return ws_; }

  //! Queues a text message; over the limit, drops the connection. Any thread.
  void Send(std::string message) {
    bool overflow = false;
    {
      std::lock_guard lock(mutex_);
      if (ended_ || closing_) return;
      if (queue_.size() >= kLiveQueueMax) {
        ended_ = overflow = true;
        queue_.clear();
      } else {
        queue_.push_back(std::move(message));
      }
    }
    asio::post(ws_.get_executor(), [self = shared_from_this(), overflow] {
      if (overflow) {
        // No close handshake: the client is not reading. Closing the socket ends its read too.
        beast::error_code ec;
        beast::get_lowest_layer(self->ws_).socket().close(ec);
      }
      self->wake_.cancel();
    });
  }

  //! Sends what is queued, then the close frame. Any thread.
  void Close(std::uint16_t code, std::string reason) {
    {
      std::lock_guard lock(mutex_);
      if (ended_ || closing_) return;
      closing_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
    }
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->wake_.cancel(); });
  }

  //! The read side ended: the writer stops. On the connection's strand.
  void End() {
    {
      std::lock_guard lock(mutex_);
      ended_ = true;
    }
    wake_.cancel();
  }

  //! Writes the queue in order until the session ends. On the connection's strand.
  asio::awaitable<void> WriteLoop() {
    auto self = shared_from_this();
    while (true) {
      std::optional<std::string> message;
      std::optional<websocket::close_reason> close;
      {
        std::lock_guard lock(mutex_);
        if (ended_) co_return;
        if (!queue_.empty()) {
          message = std::move(queue_.front());
          queue_.pop_front();
        } else if (closing_) {
          close = closing_;
        }
      }
      if (close) {
        // The read side sees the peer's answer (or the handshake timeout) and ends the session.
        co_await ws_.async_close(*close, kAsTuple);
        co_return;
      }
      if (!message) {
        // Nothing to send: sleep until Send, Close or End cancels the timer. They post the
        // cancel to this strand after changing the queue, so no wake-up falls between the
        // check above and this wait.
        wake_.expires_at(asio::steady_timer::time_point::max());
        co_await wake_.async_wait(kAsTuple);
        continue;
      }
      ws_.text(true);
      auto [ec, bytes] = co_await ws_.async_write(asio::buffer(*message), kAsTuple);
      if (ec) {
        std::lock_guard lock(mutex_);
        ended_ = true;
        co_return;
      }
    }
  }

 private:
  std::shared_ptr<Connection> conn_;  // its stream outlives the writer, which may end last
  websocket::stream<beast::tcp_stream&> ws_;
  asio::steady_timer wake_;
  std::mutex mutex_;
  std::deque<std::string> queue_;                   // guarded by mutex_
  std::optional<websocket::close_reason> closing_;  // guarded by mutex_
  bool ended_ = false;                              // guarded by mutex_
};

// Refused connections (over --max-connections) are answered and closed within this time.
constexpr auto kRefusalTimeout = std::chrono::seconds(2);

// Every value of a header that may be repeated, joined as one list (RFC 9110 §5.3).
std::optional<std::string> JoinedHeader(const bhttp::request_parser<bhttp::string_body>& parser,
                                        std::string_view name) {
  std::optional<std::string> out;
  for (const auto& field : parser.get()) {
    if (!beast::iequals(field.name_string(), name)) continue;
    if (out) {
      *out += ", ";
      *out += std::string(field.value());
    } else {
      out = std::string(field.value());
    }
  }
  return out;
}

bool SaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

std::string UploadFolder(const Config& config) {
  return config.data_dir + "/tmp/uploads";
}

struct Server::Impl {
  Impl(const Config& c, Dispatcher& d, Metrics& m, LiveChannel* l)
      : config(c),
        dispatcher(d),
        metrics(m),
        live(l),
        io_threads(c.io_threads > 0 ? c.io_threads
                                    : std::max(1u, std::thread::hardware_concurrency())),
        ioc(io_threads),
        workers(static_cast<std::size_t>(c.worker_threads)),
        acceptor(asio::make_strand(ioc)),
        upload_dir(UploadFolder(c)) {}

  asio::awaitable<void> Accept();
  asio::awaitable<void> Refuse(tcp::socket socket);
  asio::awaitable<void> Serve(std::shared_ptr<Connection> conn);
  asio::awaitable<void> ServeLive(std::shared_ptr<Connection> conn,
                                  bhttp::request<bhttp::string_body> upgrade,
                                  const Request& request);
  asio::awaitable<bool> Send(Connection& conn, const Request& request, Response response,
                             unsigned version, bool keep_alive);
  asio::awaitable<bool> SendFile(Connection& conn, const Request& request, Response response,
                                 unsigned version, bool keep_alive);
  //! How an upload's body ended.
  enum class Upload { kReceived, kTooLarge, kCutShort, kNoSpace };
  //! Streams the body after `head` into a new file of upload_dir (request.body_file); removes
  //! it unless the whole body arrived.
  asio::awaitable<Upload> ReceiveUpload(Connection& conn, beast::flat_buffer& buffer,
                                        bhttp::request_parser<bhttp::string_body>& head,
                                        Request& request, std::size_t limit);
  //! Writes the `length` bytes of a body with a declared length into `path`.
  asio::awaitable<Upload> ReceiveLength(Connection& conn, beast::flat_buffer& buffer,
                                        const std::string& path, std::uint64_t length);
  void Register(std::uint64_t id, const std::shared_ptr<Connection>& conn);
  void Unregister(std::uint64_t id);

  const Config& config;
  Dispatcher& dispatcher;
  Metrics& metrics;
  LiveChannel* live;
  int io_threads;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  const std::string upload_dir;  // uploads being received
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  bool stopped = false;

  std::mutex connections_mutex;
  std::condition_variable connections_changed;
  std::map<std::uint64_t, std::weak_ptr<Connection>> connections;
  std::uint64_t next_id = 0;
  // Connections being refused (over the cap): counted apart, and bounded too.
  std::atomic<int> refusing{0};
  std::atomic<bool> warned_forwarded{false};
};

void Server::Impl::Register(std::uint64_t id, const std::shared_ptr<Connection>& conn) {
  std::lock_guard lock(connections_mutex);
  connections.emplace(id, conn);
  metrics.ConnectionOpened();
}

void Server::Impl::Unregister(std::uint64_t id) {
  {
    std::lock_guard lock(connections_mutex);
    connections.erase(id);
    metrics.ConnectionClosed();
  }
  connections_changed.notify_all();
}

asio::awaitable<void> Server::Impl::Accept() {
  while (!stopping) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kAsTuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping) co_return;
      Log(LogLevel::kWarn, "accept failed", {{"error", ec.message()}});
      continue;
    }
    std::uint64_t id;
    bool full;
    {
      std::lock_guard lock(connections_mutex);
      id = next_id++;
      full = static_cast<int>(connections.size()) >= config.max_connections;
    }
    if (full) {
      // Over the cap: a short 503 and a close, rather than a silent reset or a connection left
      // waiting in the backlog. Those being refused are bounded too: past the cap again, they
      // are closed at once.
      if (refusing.fetch_add(1) < config.max_connections) {
        auto executor = socket.get_executor();
        asio::co_spawn(executor, Refuse(std::move(socket)),
                       [this](std::exception_ptr) { --refusing; });
      } else {
        --refusing;
        beast::error_code close_ec;
        socket.close(close_ec);
      }
      continue;
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    Register(id, conn);
    auto executor = conn->stream.get_executor();
    asio::co_spawn(executor, Serve(std::move(conn)), [this, id](std::exception_ptr e) {
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          Log(LogLevel::kError, "connection failed", {{"error", ex.what()}});
        }
      }
      Unregister(id);
    });
  }
}

asio::awaitable<void> Server::Impl::Refuse(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  const std::string body =
      R"({"type":"about:blank","title":"Service Unavailable","status":503,)"
      R"("detail":"The server has too many connections open. Try again in a moment."})";
  const std::string answer =
      "HTTP/1.1 503 Service Unavailable\r\nServer: copydesk\r\n"
      "Content-Type: application/problem+json\r\nRetry-After: 1\r\nConnection: close\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  stream.expires_after(kRefusalTimeout);
  auto [write_ec, written] = co_await asio::async_write(stream, asio::buffer(answer), kAsTuple);
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  // Read what the client sent until it closes: closing with unread bytes would reset the
  // connection, and the client could lose the answer.
  if (!write_ec) {
    char sink[4096];
    while (true) {
      auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kAsTuple);
      if (read_ec) break;
    }
  }
  stream.socket().close(ec);
}

asio::awaitable<Server::Impl::Upload> Server::Impl::ReceiveUpload(
    Connection& conn, beast::flat_buffer& buffer, bhttp::request_parser<bhttp::string_body>& head,
    Request& request, std::size_t limit) {
  bhttp::request_parser<bhttp::file_body> parser(std::move(head));
  parser.body_limit(limit);
  const std::string path = upload_dir + "/" + NewId();
  beast::error_code ec;
  parser.get().body().open(path.c_str(), beast::file_mode::write_new, ec);
  if (ec) {
    Log(LogLevel::kError, "cannot open an upload's file",
        {{"path", path}, {"error", ec.message()}});
    co_return Upload::kNoSpace;
  }
  request.body_file = path;
  // A client that asks first (curl does for large bodies) waits for this before it sends.
  if (auto expect = request.Header("Expect"); expect && beast::iequals(*expect, "100-continue")) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    conn.stream.expires_after(std::chrono::milliseconds(config.write_timeout_ms));
    auto [continue_ec, sent] =
        co_await asio::async_write(conn.stream, asio::buffer(kContinue), kAsTuple);
    if (continue_ec) {
      parser.get().body().close();
      std::error_code removed;
      std::filesystem::remove(path, removed);
      request.body_file.clear();
      co_return Upload::kCutShort;
    }
  }
  Upload outcome = Upload::kReceived;
  if (const auto length = parser.content_length(); length && !parser.chunked()) {
    // A declared length (every browser's upload): the bytes go from the socket to the file in
    // slices of 1 MiB, past the parser, which would take them 64 KiB at a time.
    parser.get().body().close();
    outcome = co_await ReceiveLength(conn, buffer, path, *length);
    std::error_code size_ec;
    request.body_file_size = std::filesystem::file_size(path, size_ec);
    if (outcome != Upload::kReceived) {
      std::filesystem::remove(path, size_ec);
      request.body_file.clear();
    }
    co_return outcome;
  }
  // Chunked: the parser decodes the chunks into the file. The timeout is per read, not for the
  // whole body: a large file on a slow link is fine as long as it keeps coming.
  while (!parser.is_done()) {
    conn.stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
    auto [read_ec, n] = co_await bhttp::async_read_some(conn.stream, buffer, parser, kAsTuple);
    if (!read_ec) continue;
    outcome = read_ec == bhttp::error::body_limit ? Upload::kTooLarge
              : read_ec.category() == beast::error_code(bhttp::error::bad_method).category() ||
                      read_ec == asio::error::eof || read_ec == beast::error::timeout ||
                      read_ec == asio::error::connection_reset ||
                      read_ec == asio::error::operation_aborted
                  ? Upload::kCutShort
                  : Upload::kNoSpace;
    break;
  }
  parser.get().body().close();
  std::error_code size_ec;
  request.body_file_size = std::filesystem::file_size(path, size_ec);
  if (outcome != Upload::kReceived) {
    std::error_code removed;
    std::filesystem::remove(path, removed);
    request.body_file.clear();
  }
  co_return outcome;
}

asio::awaitable<Server::Impl::Upload> Server::Impl::ReceiveLength(Connection& conn,
                                                                  beast::flat_buffer& buffer,
                                                                  const std::string& path,
                                                                  std::uint64_t length) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) co_return Upload::kNoSpace;
  const auto write_all = [fd](const char* data, std::size_t n) {
    while (n > 0) {
      const auto written = ::write(fd, data, n);
      if (written <= 0) return false;
      data += written;
      n -= static_cast<std::size_t>(written);
    }
    return true;
  };
  std::uint64_t left = length;
  Upload outcome = Upload::kReceived;
  // What arrived with the head first.
  const auto early = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), left));
  if (early > 0) {
    if (!write_all(static_cast<const char*>(buffer.data().data()), early))
      outcome = Upload::kNoSpace;
    buffer.consume(early);
    left -= early;
  }
  std::vector<char> slice(1 << 20);
  while (outcome == Upload::kReceived && left > 0) {
    conn.stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
    // Never past the body: what follows belongs to the connection's next request.
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(left, slice.size()));
    auto [read_ec, n] =
        co_await conn.stream.async_read_some(asio::buffer(slice.data(), want), kAsTuple);
    if (read_ec) {
      outcome = Upload::kCutShort;
      break;
    }
    if (!write_all(slice.data(), n)) outcome = Upload::kNoSpace;
    left -= n;
  }
  ::close(fd);
  co_return outcome;
}

asio::awaitable<bool> Server::Impl::SendFile(Connection& conn, const Request& request,
                                             Response response, unsigned version, bool keep_alive) {
  // The bytes are read and sent a slice at a time: a download never sits whole in memory.
  const int fd = ::open(response.file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    Log(LogLevel::kError, "cannot open a file to send", {{"path", response.file}});
    co_return co_await Send(conn, request, dispatcher.Refuse(request, Error::Internal("no file")),
                            version, false);
  }
  bhttp::response<bhttp::empty_body> out;
  out.version(version);
  out.result(static_cast<unsigned>(response.status));
  out.set(bhttp::field::server, "copydesk");
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.content_length(response.file_length);
  bhttp::response_serializer<bhttp::empty_body> serializer(out);
  conn.stream.expires_after(std::chrono::milliseconds(config.write_timeout_ms));
  auto [head_ec, head_bytes] =
      co_await bhttp::async_write_header(conn.stream, serializer, kAsTuple);
  bool ok = !head_ec;
  if (ok && request.method != "HEAD") {
    std::vector<char> slice(256 * 1024);
    std::uint64_t offset = response.file_offset, left = response.file_length;
    while (ok && left > 0) {
      const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(left, slice.size()));
      const auto got = ::pread(fd, slice.data(), want, static_cast<off_t>(offset));
      if (got <= 0) {
        ok = false;  // the file shrank under us: the client sees a short body and retries
        break;
      }
      conn.stream.expires_after(std::chrono::milliseconds(config.write_timeout_ms));
      auto [ec, n] = co_await asio::async_write(
          conn.stream, asio::buffer(slice.data(), static_cast<std::size_t>(got)), kAsTuple);
      ok = !ec;
      offset += static_cast<std::uint64_t>(got);
      left -= static_cast<std::uint64_t>(got);
    }
  }
  ::close(fd);
  co_return ok;
}

asio::awaitable<bool> Server::Impl::Send(Connection& conn, const Request& request,
                                         Response response, unsigned version, bool keep_alive) {
  if (!response.file.empty())
    co_return co_await SendFile(conn, request, std::move(response), version, keep_alive);
  bhttp::response<bhttp::string_body> out;
  out.version(version);
  out.result(static_cast<unsigned>(response.status));
  out.set(bhttp::field::server, "copydesk");
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) out.insert(name, value);
  if (request.method != "HEAD") out.body() = std::move(response.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (request.method == "HEAD") out.content_length(response.body.size());
  conn.stream.expires_after(std::chrono::milliseconds(config.write_timeout_ms));
  auto [ec, bytes] = co_await bhttp::async_write(conn.stream, out, kAsTuple);
  co_return !ec;
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn) {
  beast::flat_buffer buffer;
  std::string remote_ip;
  {
    beast::error_code ec;
    auto endpoint = conn->stream.socket().remote_endpoint(ec);
    if (!ec) remote_ip = endpoint.address().to_string();
  }
  while (!stopping) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
    // Which limit applies (JSON or upload) is known once the head names the route; until then,
    // the larger one. Each is checked again after the head.
    parser.body_limit(std::max(config.max_body_bytes, config.max_upload_bytes));

    conn->stream.expires_after(std::chrono::milliseconds(config.header_timeout_ms));
    auto [head_ec, head_bytes] =
        co_await bhttp::async_read_header(conn->stream, buffer, parser, kAsTuple);
    if (head_ec) {
      // Closed or idle too long between requests: nothing to answer. A malformed or oversized
      // head gets one answer, then the connection closes (its framing can't be trusted).
      std::optional<Error> refusal;
      if (head_ec == bhttp::error::header_limit) {
        refusal = Error{ErrorKind::kHeadersTooLarge, "The request line and headers are too large."};
      } else if (head_ec == bhttp::error::body_limit) {
        // Beast checks a declared Content-Length against the body limit while reading the head.
        refusal =
            Error{ErrorKind::kPayloadTooLarge,
                  "The request body is larger than " +
                      std::to_string(std::max(config.max_body_bytes, config.max_upload_bytes)) +
                      " bytes."};
      } else if (head_ec.category() == beast::error_code(bhttp::error::bad_method).category() &&
                 head_ec != bhttp::error::end_of_stream &&
                 head_ec != bhttp::error::partial_message) {
        refusal = Error::BadRequest("The HTTP request is malformed.");
      }
      if (refusal) {
        // The head was refused: what is known of the request is who sent it and, when only the
        // declared body was too large, its request line.
        Request unread;
        unread.method = "other";
        unread.path = "-";
        if (head_ec == bhttp::error::body_limit) {
          unread.method = std::string(parser.get().method_string());
          std::string path;
          if (ParseTarget(std::string(parser.get().target()), path, unread.query))
            unread.path = path;
        }
        unread.remote_ip = remote_ip;
        unread.peer_ip = remote_ip;
        unread.request_id = NewId();
        co_await Send(*conn, unread, dispatcher.Refuse(unread, *refusal), 11, false);
      }
      break;
    }
    conn->busy = true;
    const auto& head = parser.get();

    Request request;
    request.method = std::string(head.method_string());
    request.target = std::string(head.target());
    request.peer_ip = remote_ip;
    {
      // Only X-Forwarded-For: the proxies we document append to it, but pass a `Forwarded`
      // the client wrote through untouched (see ClientAddress).
      const auto forwarded_for = JoinedHeader(parser, "X-Forwarded-For");
      request.remote_ip = ClientAddress(remote_ip, config.trusted_proxies, forwarded_for);
      if (forwarded_for && config.trusted_proxies.empty() && !warned_forwarded.exchange(true)) {
        // Behind a proxy every client would share its address, and its lockouts.
        Log(LogLevel::kWarn, "forwarding headers ignored: no --trusted-proxy",
            {{"peer", remote_ip},
             {"hint", "set --trusted-proxy to this proxy's address if copydesk runs behind it"}});
      }
    }
    for (const auto& field : head) {
      request.headers[std::string(field.name_string())] = std::string(field.value());
    }
    auto incoming_id = request.Header("X-Request-Id");
    request.request_id =
        incoming_id && SaneRequestId(*incoming_id) ? std::string(*incoming_id) : NewId();
    const unsigned version = head.version();
    bool keep_alive = head.keep_alive();

    if (!ParseTarget(request.target, request.path, request.query)) {
      request.path = "-";
      co_await Send(
          *conn, request,
          dispatcher.Refuse(request, Error::BadRequest("The request target is malformed.")),
          version, false);
      break;
    }
    const bool streamed = dispatcher.StreamsBody(request);
    const std::size_t limit = streamed ? config.max_upload_bytes : config.max_body_bytes;
    const Error too_large{ErrorKind::kPayloadTooLarge,
                          std::string(streamed ? "The file" : "The request body") +
                              " is larger than " + std::to_string(limit) + " bytes."};
    if (const auto length = parser.content_length(); length && *length > limit) {
      co_await Send(*conn, request, dispatcher.Refuse(request, too_large), version, false);
      break;
    }
    if (streamed) {
      // Who is calling is checked on the head (the database may be read: on the worker pool).
      auto refused = co_await asio::co_spawn(
          workers,
          [&]() -> asio::awaitable<std::optional<Response>> {
            co_return dispatcher.RefuseBeforeBody(request);
          },
          asio::use_awaitable);
      if (refused) {
        co_await Send(*conn, request, std::move(*refused), version, false);
        break;
      }
      const auto received = co_await ReceiveUpload(*conn, buffer, parser, request, limit);
      if (received == Upload::kTooLarge) {
        co_await Send(*conn, request, dispatcher.Refuse(request, too_large), version, false);
        break;
      }
      if (received == Upload::kNoSpace) {
        co_await Send(*conn, request,
                      dispatcher.Refuse(request, Error::Internal("cannot write the upload")),
                      version, false);
        break;
      }
      if (received != Upload::kReceived) break;  // cut short or too slow: no one to answer
      Response response = co_await asio::co_spawn(
          workers, [&]() -> asio::awaitable<Response> { co_return dispatcher.Handle(request); },
          asio::use_awaitable);
      // What the handler did not move into the store goes: an upload leaves nothing behind.
      std::error_code removed;
      std::filesystem::remove(request.body_file, removed);
      keep_alive = keep_alive && !stopping;
      const bool sent = co_await Send(*conn, request, std::move(response), version, keep_alive);
      conn->busy = false;
      if (!sent || !keep_alive) break;
      continue;
    }
    parser.body_limit(limit);
    if (!parser.is_done()) {
      conn->stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
      auto [body_ec, body_bytes] =
          co_await bhttp::async_read(conn->stream, buffer, parser, kAsTuple);
      if (body_ec == bhttp::error::body_limit) {
        co_await Send(*conn, request, dispatcher.Refuse(request, too_large), version, false);
        break;
      }
      // A body cut short or too slow: the client is gone or broken; there is no one to answer.
      if (body_ec) break;
    }
    request.body = std::move(parser.get().body());

    if (live != nullptr && request.path == kLivePath && request.method == "GET" &&
        websocket::is_upgrade(parser.get())) {
      co_await ServeLive(conn, parser.release(), request);
      break;
    }

    // Handlers may block (database, argon2id): run them on the worker pool, resume here after.
    Response response = co_await asio::co_spawn(
        workers, [&]() -> asio::awaitable<Response> { co_return dispatcher.Handle(request); },
        asio::use_awaitable);
    keep_alive = keep_alive && !stopping;
    const bool sent = co_await Send(*conn, request, std::move(response), version, keep_alive);
    conn->busy = false;
    if (!sent || !keep_alive) break;
  }
  beast::error_code ec;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn->stream.socket().close(ec);
}

asio::awaitable<void> Server::Impl::ServeLive(std::shared_ptr<Connection> conn,
                                              bhttp::request<bhttp::string_body> upgrade,
                                              const Request& request) {
  // Who is asking decides whether the upgrade happens: the hub reads the database, so on the
  // worker pool.
  std::optional<Result<std::uint64_t>> opened;
  co_await asio::co_spawn(
      workers,
      [&]() -> asio::awaitable<void> {
        try {
          opened.emplace(live->Open(request));
        } catch (const std::exception& e) {
          opened.emplace(Error::Internal(e.what()));
        }
        co_return;
      },
      asio::use_awaitable);
  if (!*opened) {
    co_await Send(*conn, request, dispatcher.Refuse(request, opened->error()), upgrade.version(),
                  false);
    co_return;
  }
  const std::uint64_t id = opened->value();

  auto session = std::make_shared<LiveSession>(conn);
  auto& ws = session->ws();
  // The WebSocket stream keeps its own timeouts (and pings); the TCP stream's would cut an idle
  // but healthy connection.
  conn->stream.expires_never();
  ws.set_option(websocket::stream_base::timeout{kLiveHandshakeTimeout, kLiveIdleTimeout, true});
  ws.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& response) { response.set(bhttp::field::server, "copydesk"); }));
  ws.read_message_max(kLiveMessageMax);
  auto [accept_ec] = co_await ws.async_accept(upgrade, kAsTuple);
  if (accept_ec) {
    live->Closed(id);
    co_return;
  }
  Log(LogLevel::kInfo, "live connection opened",
      {{"request_id", request.request_id}, {"remote", request.remote_ip}});

  std::weak_ptr<LiveSession> weak = session;
  {
    std::lock_guard lock(connections_mutex);
    conn->stop = [weak] {
      if (auto s = weak.lock()) s->Close(1001, "server stopping");
    };
  }
  if (stopping) session->Close(1001, "server stopping");
  live->Attach(id, LiveSink{[weak](std::string message) {
                              if (auto s = weak.lock()) s->Send(std::move(message));
                            },
                            [weak](std::uint16_t code, std::string reason) {
                              if (auto s = weak.lock()) s->Close(code, std::move(reason));
                            }});
  asio::co_spawn(ws.get_executor(), session->WriteLoop(), asio::detached);

  beast::flat_buffer buffer;
  while (true) {
    auto [ec, bytes] = co_await ws.async_read(buffer, kAsTuple);
    // Closed by either side, timed out, too large a message (Beast answers 1009), or dropped.
    if (ec) break;
    if (ws.got_text()) {
      live->Receive(id, beast::buffers_to_string(buffer.data()));
    } else {
      session->Close(static_cast<std::uint16_t>(websocket::close_code::unknown_data), "send text");
    }
    buffer.consume(buffer.size());
  }
  session->End();
  live->Closed(id);
}

Server::Server(const Config& config, Dispatcher& dispatcher, Metrics& metrics, LiveChannel* live)
    : impl_(std::make_unique<Impl>(config, dispatcher, metrics, live)) {}

Server::~Server() {
  Shutdown(std::chrono::milliseconds(0));
}

namespace {

// Each connection holds a file descriptor, and so does each one being refused; the database,
// its journal, the search index and the listener need a few more. The usual soft limit (1024)
// would make accept fail before the cap answers, so it is raised towards the hard limit.
void RaiseFileLimit(int max_connections) {
  const rlim_t wanted = static_cast<rlim_t>(max_connections) * 2 + 128;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < static_cast<rlim_t>(max_connections) + 128) {
    Log(LogLevel::kWarn, "file limit below --max-connections",
        {{"open_files", static_cast<std::int64_t>(limit.rlim_cur)},
         {"max_connections", max_connections},
         {"hint", "raise LimitNOFILE (systemd) or ulimit -n, or lower --max-connections"}});
  }
}

}  // namespace

void Server::Start() {
  RaiseFileLimit(impl_->config.max_connections);
  {
    // Uploads cut short by a crash left their partial files here: nothing refers to them.
    std::error_code ec;
    std::filesystem::remove_all(impl_->upload_dir, ec);
    std::filesystem::create_directories(impl_->upload_dir, ec);
    if (ec) throw std::runtime_error("cannot create " + impl_->upload_dir + ": " + ec.message());
  }
  const std::string& listen = impl_->config.listen;
  const auto colon = listen.rfind(':');
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port = listen.substr(colon + 1);
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  auto results = resolver.resolve(host, port, tcp::resolver::passive, ec);
  if (ec || results.empty())
    throw std::runtime_error("cannot resolve " + listen + ": " + ec.message());
  const tcp::endpoint endpoint = results.begin()->endpoint();
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + listen + ": " + ec.message());

  asio::co_spawn(acceptor.get_executor(), impl_->Accept(), asio::detached);
  for (int i = 0; i < impl_->io_threads; ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  Log(LogLevel::kInfo, "listening",
      {{"address", Address()},
       {"max_connections", impl_->config.max_connections},
       {"io_threads", impl_->io_threads},
       {"worker_threads", impl_->config.worker_threads}});
}

std::string Server::Address() const {
  beast::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  if (ec) return "";
  const auto address = endpoint.address();
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" +
         std::to_string(endpoint.port());
}

void Server::Shutdown(std::chrono::milliseconds grace) {
  if (impl_->stopped) return;
  impl_->stopping = true;
  // Close the acceptor on its own strand so no accept races with it.
  asio::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  const auto deadline = std::chrono::steady_clock::now() + grace;
  std::unique_lock lock(impl_->connections_mutex);
  while (true) {
    // Idle connections (waiting for a next request) are closed now; busy ones finish their
    // request and close after answering, since keep-alive is off while stopping. WebSocket
    // connections are told the server is going away, once.
    for (auto& [id, weak] : impl_->connections) {
      auto conn = weak.lock();
      if (!conn) continue;
      if (conn->stop) {
        if (!conn->stop_asked) conn->stop();
        conn->stop_asked = true;
      } else if (!conn->busy) {
        asio::post(conn->stream.get_executor(), [conn] { conn->stream.cancel(); });
      }
    }
    if (impl_->connections.empty() || std::chrono::steady_clock::now() >= deadline) break;
    impl_->connections_changed.wait_for(lock, std::chrono::milliseconds(50));
  }
  lock.unlock();
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->workers.join();
  impl_->stopped = true;
  Log(LogLevel::kInfo, "stopped", {});
}

namespace {

sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void Server::HoldStopSignals() {
  const sigset_t set = StopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void Server::RunUntilSignal() {
  // The signals are held (HoldStopSignals) in every thread; one sent before this point waits,
  // pending, and is taken here.
  HoldStopSignals();
  const sigset_t set = StopSignals();
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  Log(LogLevel::kInfo, "shutting down", {{"signal", signal}});
  Shutdown(std::chrono::seconds(10));
}

}  // namespace copydesk::http

#if defined(__clang__)
#pragma clang attribute pop
#endif

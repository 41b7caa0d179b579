#include "support/http_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace copydesk::testing {

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads more bytes into `buffer`; false when the peer closed or went quiet.
bool ReadMore(int fd, std::string& buffer) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 5000) <= 0) return false;
  char chunk[8192];
  const auto n = ::read(fd, chunk, sizeof chunk);
  if (n <= 0) return false;
  buffer.append(chunk, static_cast<std::size_t>(n));
  return true;
}

void WriteAll(int fd, const std::string& bytes) {
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto n = ::send(fd, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
    if (n <= 0) return;
    at += static_cast<std::size_t>(n);
  }
}

}  // namespace

HttpSink::HttpSink() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 16) != 0) {
    throw std::runtime_error("http sink: cannot listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Run(); });
}

HttpSink::~HttpSink() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

void HttpSink::Answer(std::function<SinkAnswer(const ReceivedRequest&)> answer) {
  std::lock_guard lock(mutex_);
  answer_ = std::move(answer);
}

std::vector<ReceivedRequest> HttpSink::Requests(const std::string& path) const {
  std::lock_guard lock(mutex_);
  std::vector<ReceivedRequest> out;
  for (const auto& r : requests_)
    if (path.empty() || r.target == path) out.push_back(r);
  return out;
}

std::vector<ReceivedRequest> HttpSink::WaitFor(std::size_t count, const std::string& path,
                                               std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    std::vector<ReceivedRequest> out;
    for (const auto& r : requests_)
      if (path.empty() || r.target == path) out.push_back(r);
    if (out.size() >= count) return out;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout) return out;
  }
}

void HttpSink::Run() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    Serve(fd);
    ::close(fd);
  }
}

void HttpSink::Serve(int fd) {
  std::string buffer;
  std::size_t head_end;
  while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!ReadMore(fd, buffer)) return;
  }
  ReceivedRequest request;
  const std::string head = buffer.substr(0, head_end);
  std::size_t at = head.find("\r\n");
  const std::string first = head.substr(0, at);
  const auto sp1 = first.find(' '), sp2 = first.find(' ', sp1 + 1);
  request.method = first.substr(0, sp1);
  request.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
  while (at != std::string::npos && at < head.size()) {
    const auto next = head.find("\r\n", at + 2);
    const std::string line =
        head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      request.headers[Lower(line.substr(0, colon))] = value;
    }
    at = next;
  }
  const std::size_t length = request.headers.contains("content-length")
                                 ? std::stoul(request.headers["content-length"])
                                 : 0;
  while (buffer.size() < head_end + 4 + length) {
    if (!ReadMore(fd, buffer)) return;
  }
  request.body = buffer.substr(head_end + 4, length);
  SinkAnswer answer;
  {
    std::lock_guard lock(mutex_);
    if (answer_) answer = answer_(request);
    requests_.push_back(request);
  }
  changed_.notify_all();
  if (answer.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(answer.delay_ms));
  std::string response = "HTTP/1.1 " + std::to_string(answer.status) + " Sink\r\n";
  if (!answer.location.empty()) response += "Location: " + answer.location + "\r\n";
  response += "Content-Type: text/plain\r\nContent-Length: " + std::to_string(answer.body.size()) +
              "\r\nConnection: close\r\n\r\n" + answer.body;
  WriteAll(fd, response);
}

}  // namespace copydesk::testing

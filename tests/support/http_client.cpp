#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace copydesk::testing {

namespace {

int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  return fd;
}

void SendAll(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (e.g. 413): read what it said
    sent += static_cast<std::size_t>(n);
  }
}

// Reads until the peer closes, or until a full response (by Content-Length) when `one` is set.
std::string ReadResponse(int fd, int timeout_ms, bool one) {
  std::string data;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[65536];
  while (true) {
    if (one) {
      const auto head_end = data.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::size_t length = 0;
        std::string lower = data.substr(0, head_end);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto cl = lower.find("content-length:");
        if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
        if (data.size() >= head_end + 4 + length) return data.substr(0, head_end + 4 + length);
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  return data;
}

// The response's header lines in order, repeats kept (a map would hide a header sent twice).
boost::json::array HeaderLines(const std::string& raw) {
  boost::json::array lines;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return lines;
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    const auto end = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, end - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      lines.push_back(boost::json::array{line.substr(0, colon), value});
    }
    pos = end + 2;
  }
  return lines;
}

// When COPYDESK_API_EXCHANGES names a file, each exchange of the API tests is appended to it as
// one JSON line, for tests/contract to hold against docs/api/openapi.yaml. ctest runs tests in
// several processes at once: one write per line, under an exclusive lock, keeps lines whole.
void RecordExchange(const std::string& method, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::optional<std::string>& body, const std::string& raw_response,
                    const HttpResponse& response) {
  const char* file = std::getenv("COPYDESK_API_EXCHANGES");
  if (file == nullptr || *file == '\0' || response.status == 0) return;
  boost::json::object line;
  if (const auto* test = ::testing::UnitTest::GetInstance()->current_test_info()) {
    line["test"] = std::string(test->test_suite_name()) + "." + test->name();
  }
  line["method"] = method;
  line["target"] = target;
  std::string request_type = body ? "application/json" : "";
  for (const auto& [name, value] : headers) {
    if (::strcasecmp(name.c_str(), "Content-Type") == 0) request_type = value;
  }
  if (body) {
    line["request_type"] = request_type;
    line["request_body"] = *body;
  }
  line["status"] = response.status;
  line["headers"] = HeaderLines(raw_response);
  line["body"] = response.body;
  const std::string text = boost::json::serialize(line) + "\n";
  const int fd = ::open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ::flock(fd, LOCK_EX);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::flock(fd, LOCK_UN);
  ::close(fd);
}

HttpResponse ParseResponse(const std::string& raw) {
  HttpResponse response;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return response;
  response.status = StatusOf(raw);
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    const auto end = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, end - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (::strcasecmp(name.c_str(), "Set-Cookie") == 0) response.set_cookies.push_back(value);
      response.headers[name] = value;
    }
    pos = end + 2;
  }
  response.body = raw.substr(head_end + 4);
  return response;
}

}  // namespace

const boost::json::value& HttpResponse::Json() const& {
  if (!json_) {
    std::error_code ec;
    auto value = boost::json::parse(body, ec);
    json_ = ec ? boost::json::value(nullptr) : std::move(value);
  }
  return *json_;
}

boost::json::value HttpResponse::Json() && {
  return static_cast<const HttpResponse&>(*this).Json();
}

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpClient::Serialize(const boost::json::value& body) {
  return boost::json::serialize(body);
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::optional<std::string>& body,
                              std::vector<std::pair<std::string, std::string>> headers) {
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: " + host_ + ":" + std::to_string(port_) + "\r\n";
  bool has_type = false;
  for (const auto& [name, value] : headers) {
    if (::strcasecmp(name.c_str(), "Content-Type") == 0) has_type = true;
    request += name + ": " + value + "\r\n";
  }
  if (!bearer_.empty()) {
    request += "Authorization: Bearer " + bearer_ + "\r\n";
  } else if (!cookies_.empty()) {
    std::string cookie;
    for (const auto& [name, value] : cookies_) {
      if (!cookie.empty()) cookie += "; ";
      cookie += name + "=" + value;
    }
    request += "Cookie: " + cookie + "\r\n";
  }
  if (!csrf_.empty() && method != "GET") request += "X-CSRF-Token: " + csrf_ + "\r\n";
  if (body) {
    if (!has_type) request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + std::to_string(body->size()) + "\r\n";
  }
  request += "Connection: close\r\n\r\n";
  if (body) request += *body;

  const int fd = Connect(port_);
  SendAll(fd, request);
  const std::string raw = ReadResponse(fd, 30000, true);
  ::close(fd);
  HttpResponse response = ParseResponse(raw);
  RecordExchange(method, target, headers, body, raw, response);
  for (const auto& cookie : response.set_cookies) {
    const auto eq = cookie.find('=');
    const auto semi = cookie.find(';');
    const std::string name = cookie.substr(0, eq);
    const std::string value =
        cookie.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (value.empty() || cookie.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  // Keep the CSRF token the API hands out with a session.
  if (auto json = response.Json(); json.is_object()) {
    if (auto* csrf = json.as_object().if_contains("csrf_token"); csrf && csrf->is_string()) {
      csrf_ = std::string(csrf->as_string());
    }
  }
  return response;
}

std::string RawExchange(int port, const std::string& bytes, int timeout_ms) {
  const int fd = Connect(port);
  SendAll(fd, bytes);
  std::string raw = ReadResponse(fd, timeout_ms, false);
  ::close(fd);
  return raw;
}

int MillisecondsUntilServerCloses(int port, const std::string& bytes, int limit_ms) {
  const int fd = Connect(port);
  const auto start = std::chrono::steady_clock::now();
  SendAll(fd, bytes);
  ReadResponse(fd, limit_ms, false);
  ::close(fd);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - start)
                              .count());
}

void RecordRawExchange(const std::string& method, const std::string& target,
                       const std::string& raw_response) {
  RecordExchange(method, target, {}, std::nullopt, raw_response, ParseResponse(raw_response));
}

int StatusOf(const std::string& raw) {
  if (raw.rfind("HTTP/1.", 0) != 0 || raw.size() < 12) return 0;
  return std::atoi(raw.substr(9, 3).c_str());
}

}  // namespace copydesk::testing

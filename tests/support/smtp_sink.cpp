#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "core/encoding.hpp"

namespace copydesk::testing {

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads one CRLF-ended line (without it); false when the peer closed or went quiet.
bool ReadLine(int fd, std::string& buffer, std::string& line) {
  for (;;) {
    const auto end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 5000) <= 0) return false;
    char chunk[4096];
    const auto n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

void Say(int fd, const std::string& text) {
  const std::string line = text + "\r\n";
  std::size_t at = 0;
  while (at < line.size()) {
    const auto n = ::write(fd, line.data() + at, line.size() - at);
    if (n <= 0) return;
    at += static_cast<std::size_t>(n);
  }
}

std::string Address(const std::string& arg) {
  const auto open = arg.find('<'), close = arg.find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return arg;
  return arg.substr(open + 1, close - open - 1);
}

std::string DecodeWords(const std::string& value) {
  std::string out;
  std::size_t at = 0;
  while (at < value.size()) {
    const auto start = value.find("=?UTF-8?B?", at);
    if (start == std::string::npos) {
      out += value.substr(at);
      break;
    }
    // Whitespace between two encoded words is not part of the text.
    std::string between = value.substr(at, start - at);
    if (at == 0 || between.find_first_not_of(" \t") != std::string::npos) out += between;
    const auto end = value.find("?=", start + 10);
    if (end == std::string::npos) break;
    out += DecodeBase64(value.substr(start + 10, end - start - 10)).value_or("?");
    at = end + 2;
  }
  return out;
}

// Headers of a message or a part, up to the blank line; `body` gets the rest.
std::map<std::string, std::string> Headers(const std::string& data, std::string& body) {
  std::map<std::string, std::string> out;
  const auto blank = data.find("\r\n\r\n");
  const std::string head = data.substr(0, blank);
  body = blank == std::string::npos ? "" : data.substr(blank + 4);
  std::string name;
  std::size_t at = 0;
  while (at <= head.size()) {
    auto end = head.find("\r\n", at);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(at, end - at);
    at = end + 2;
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !name.empty()) {
      out[name] += line;  // folded
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    name = Lower(line.substr(0, colon));
    out[name] = line.substr(colon + 1 + (line.size() > colon + 1 && line[colon + 1] == ' '));
  }
  return out;
}

}  // namespace

ParsedMail ParseMail(const std::string& data) {
  ParsedMail mail;
  std::string body;
  mail.headers = Headers(data, body);
  mail.subject = DecodeWords(mail.headers["subject"]);
  mail.content_type = mail.headers["content-type"];
  const auto b = mail.content_type.find("boundary=\"");
  if (b == std::string::npos) return mail;
  const std::string boundary =
      "--" + mail.content_type.substr(b + 10, mail.content_type.find('"', b + 10) - b - 10);
  std::size_t at = body.find(boundary);
  while (at != std::string::npos) {
    const std::size_t start = at + boundary.size();
    if (body.compare(start, 2, "--") == 0) break;
    const std::size_t next = body.find(boundary, start);
    std::string part_body;
    auto part = Headers(body.substr(start + 2, next - start - 2), part_body);
    const std::string decoded = DecodeBase64(part_body).value_or("<not base64>");
    if (part["content-type"].rfind("text/plain", 0) == 0) mail.text = decoded;
    if (part["content-type"].rfind("text/html", 0) == 0) mail.html = decoded;
    at = next;
  }
  return mail;
}

SmtpSink::SmtpSink() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 16) != 0) {
    throw std::runtime_error("smtp sink: cannot listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Run(); });
}

SmtpSink::~SmtpSink() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

void SmtpSink::Run() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    if (down_) {
      Say(fd, "421 4.3.2 Service not available");
      ++refused_;
      { std::lock_guard lock(mutex_); }
      changed_.notify_all();
    } else {
      Serve(fd);
    }
    ::close(fd);
  }
}

void SmtpSink::Serve(int fd) {
  std::string buffer, line;
  ReceivedMail mail;
  Say(fd, "220 sink ESMTP");
  while (ReadLine(fd, buffer, line)) {
    const std::string verb = Lower(line.substr(0, 4));
    if (verb == "ehlo") {
      Say(fd, "250-sink");
      Say(fd, "250 8BITMIME");
    } else if (verb == "helo" || verb == "rset" || verb == "noop") {
      Say(fd, "250 OK");
    } else if (verb == "mail") {
      mail = {};
      mail.from = Address(line);
      Say(fd, "250 OK");
    } else if (verb == "rcpt") {
      mail.to.push_back(Address(line));
      Say(fd, "250 OK");
    } else if (verb == "data") {
      Say(fd, "354 End data with <CR><LF>.<CR><LF>");
      while (ReadLine(fd, buffer, line) && line != ".") {
        mail.data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
      }
      Say(fd, "250 OK queued");
      {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(mail));
      }
      changed_.notify_all();
      mail = {};
    } else if (verb == "quit") {
      Say(fd, "221 Bye");
      return;
    } else {
      Say(fd, "502 Command not implemented");
    }
  }
}

std::vector<ReceivedMail> SmtpSink::Messages(const std::string& to) const {
  std::lock_guard lock(mutex_);
  std::vector<ReceivedMail> out;
  for (const auto& m : messages_) {
    if (to.empty() || std::find(m.to.begin(), m.to.end(), to) != m.to.end()) out.push_back(m);
  }
  return out;
}

std::vector<ReceivedMail> SmtpSink::WaitFor(std::size_t count, const std::string& to,
                                            std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto found = Messages(to);
    if (found.size() >= count || std::chrono::steady_clock::now() >= deadline) return found;
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
}

bool SmtpSink::WaitForRefusals(int count, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (refused_ < count) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace copydesk::testing

#include "support/ws_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <stdexcept>

#include "support/http_client.hpp"

namespace copydesk::testing {

namespace json = boost::json;

namespace {

constexpr int kText = 1, kContinuation = 0, kClose = 8, kPing = 9;

std::string Frame(int opcode, const std::string& payload) {
  std::string frame;
  frame.push_back(static_cast<char>(0x80 | opcode));
  const std::size_t n = payload.size();
  if (n < 126) {
    frame.push_back(static_cast<char>(0x80 | n));
  } else if (n < 65536) {
    frame.push_back(static_cast<char>(0x80 | 126));
    frame.push_back(static_cast<char>(n >> 8));
    frame.push_back(static_cast<char>(n & 0xFF));
  } else {
    frame.push_back(static_cast<char>(0x80 | 127));
    for (int i = 7; i >= 0; --i) frame.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  }
  const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
  frame.append(reinterpret_cast<const char*>(mask), 4);
  for (std::size_t i = 0; i < n; ++i) frame.push_back(static_cast<char>(payload[i] ^ mask[i % 4]));
  return frame;
}

}  // namespace

WsClient::WsClient(int port, const std::string& target,
                   const std::vector<std::pair<std::string, std::string>>& headers) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("connect failed");
  }
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  SendRaw(request);
  std::size_t head_end;
  while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!ReadMore(5000)) {
      closed_ = true;
      return;
    }
  }
  const std::string head = buffer_.substr(0, head_end);
  buffer_.erase(0, head_end + 4);
  if (head.size() > 12) status_ = std::stoi(head.substr(9, 3));
  if (status_ != 101) {
    // A refusal: its problem body, then the connection ends.
    while (ReadMore(2000)) {
    }
    body_ = buffer_;
    buffer_.clear();
    closed_ = true;
  }
  RecordRawExchange("GET", target, head + "\r\n\r\n" + body_);
}

WsClient::~WsClient() {
  Drop();
}

void WsClient::Drop() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  closed_ = true;
}

void WsClient::SendRaw(const std::string& bytes) {
  std::size_t sent = 0;
  while (fd_ >= 0 && sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

void WsClient::Send(const std::string& text) {
  SendRaw(Frame(kText, text));
}

void WsClient::SendFrame(int opcode, const std::string& payload) {
  SendRaw(Frame(opcode, payload));
}

bool WsClient::ReadMore(int timeout_ms) {
  if (fd_ < 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char chunk[65536];
  const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) {
    closed_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<std::string> WsClient::Receive(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string message;
  while (!closed_ || !buffer_.empty()) {
    // One whole frame in the buffer?
    std::optional<std::size_t> frame_end;
    std::size_t length = 0, offset = 2;
    if (buffer_.size() >= 2) {
      length = static_cast<unsigned char>(buffer_[1]) & 0x7F;
      if (length == 126 && buffer_.size() >= 4) {
        length =
            (static_cast<unsigned char>(buffer_[2]) << 8) | static_cast<unsigned char>(buffer_[3]);
        offset = 4;
      } else if (length == 127 && buffer_.size() >= 10) {
        length = 0;
        for (int i = 0; i < 8; ++i)
          length = (length << 8) | static_cast<unsigned char>(buffer_[2 + i]);
        offset = 10;
      }
      if ((length < 126 || offset > 2) && buffer_.size() >= offset + length) {
        frame_end = offset + length;
      }
    }
    if (!frame_end) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now())
                            .count();
      if (left <= 0 || closed_ || !ReadMore(static_cast<int>(left))) return std::nullopt;
      continue;
    }
    const bool fin = static_cast<unsigned char>(buffer_[0]) & 0x80;
    const int opcode = buffer_[0] & 0x0F;
    std::string payload = buffer_.substr(offset, length);
    buffer_.erase(0, *frame_end);
    if (opcode == kPing) {
      SendRaw(Frame(10, payload));
    } else if (opcode == kClose) {
      if (payload.size() >= 2) {
        close_code_ =
            (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
      }
      SendRaw(Frame(kClose, payload.substr(0, 2)));
      closed_ = true;
      buffer_.clear();
      return std::nullopt;
    } else if (opcode == kText || opcode == kContinuation) {
      message += payload;
      if (fin) return message;
    }
  }
  return std::nullopt;
}

std::optional<json::object> WsClient::ReceiveJson(int timeout_ms) {
  auto text = Receive(timeout_ms);
  if (!text) return std::nullopt;
  auto v = json::parse(*text);
  return v.as_object();
}

std::optional<json::object> WsClient::ReceiveType(const std::string& type, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return std::nullopt;
    auto message = ReceiveJson(static_cast<int>(left));
    if (!message) return std::nullopt;
    if (message->at("type").as_string() == type) return message;
  }
}

std::vector<json::object> WsClient::Drain(int timeout_ms) {
  std::vector<json::object> out;
  while (auto message = ReceiveJson(timeout_ms)) out.push_back(std::move(*message));
  return out;
}

}  // namespace copydesk::testing

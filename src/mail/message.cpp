#include "mail/message.hpp"

#include <ctime>

#include "core/encoding.hpp"
#include "core/random.hpp"

namespace copydesk::mail {

namespace {

bool IsAscii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80 || c < 0x20) return false;
  }
  return true;
}

// An RFC 2047 encoded-word per chunk of at most 45 bytes (60 once encoded, under the 75 limit),
// cut between UTF-8 characters, the chunks folded onto continuation lines.
std::string EncodeWords(const std::string& text) {
  if (IsAscii(text)) return text;
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + 45);
    while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + EncodeBase64(std::string_view(text).substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

// A header value on one line, whatever the text holds.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  return out;
}

std::string Mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return "<" + address + ">";
  const std::string clean = OneLine(name);
  // A plain name is quoted; any other is encoded, which needs no quoting.
  if (IsAscii(clean)) {
    std::string quoted = "\"";
    for (char c : clean) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + address + ">";
  }
  return EncodeWords(clean) + " <" + address + ">";
}

std::string RfcDate(TimeMs t) {
  const std::time_t seconds = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

// Base64 in lines of 76 characters, as MIME asks.
std::string Base64Lines(const std::string& bytes) {
  const std::string encoded = EncodeBase64(bytes);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += 76) {
    out += encoded.substr(at, 76);
    out += "\r\n";
  }
  return out;
}

std::string Part(const std::string& boundary, const char* type, const std::string& body) {
  return "--" + boundary + "\r\nContent-Type: " + type +
         "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64Lines(body);
}

}  // namespace

bool IsPlainAddress(const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= address.size() ||
      address.find('@', at + 1) != std::string::npos || address.size() > 320) {
    return false;
  }
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' ||
        c == ',' || c == ';' || c == '\\') {
      return false;
    }
  }
  return true;
}

std::string Render(const Message& m) {
  // The boundary cannot occur in base64 text (it has "=_" and ".").
  const std::string boundary = "=_copydesk." + NewId();
  std::string out;
  out += "Date: " + RfcDate(m.date) + "\r\n";
  out += "From: " + Mailbox(m.from_name, m.from_address) + "\r\n";
  out += "To: " + Mailbox(m.to_name, m.to_address) + "\r\n";
  out += "Subject: " + EncodeWords(OneLine(m.subject)) + "\r\n";
  out += "Message-ID: <" + m.id + "@copydesk>\r\n";
  // RFC 3834: no vacation replies to a machine.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  std::string text;  // CRLF line ends
  for (char c : m.text) {
    if (c == '\n') text += '\r';
    if (c != '\r') text += c;
  }
  out += Part(boundary, "text/plain", text);
  out += Part(boundary, "text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace copydesk::mail

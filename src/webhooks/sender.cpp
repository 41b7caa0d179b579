#include "webhooks/sender.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <chrono>
#include <memory>

namespace copydesk::webhooks {

namespace {

struct Exchange {
  const SendLimits* limits = nullptr;
  std::string refused;  // the last forbidden address met, if any (others may have been allowed)
  std::string answer;
  std::size_t received = 0;
  bool too_large = false;
};

// libcurl asks this for every socket it would connect: the one place where the address a name
// resolved to (now, not when the webhook was saved) is known before any byte is sent.
curl_socket_t OpenSocket(void* clientp, curlsocktype purpose, curl_sockaddr* address) {
  auto* exchange = static_cast<Exchange*>(clientp);
  if (purpose != CURLSOCKTYPE_IPCXN || !MayConnectTo(&address->addr, exchange->limits->policy)) {
    exchange->refused = AddressText(&address->addr);
    if (exchange->refused.empty()) exchange->refused = "a non-IP address";
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

std::size_t KeepAnswer(char* data, std::size_t size, std::size_t count, void* userp) {
  auto* exchange = static_cast<Exchange*>(userp);
  const std::size_t n = size * count;
  exchange->received += n;
  if (exchange->received > kMaxAnswerBytes) {
    exchange->too_large = true;
    return 0;  // stops the transfer
  }
  if (exchange->answer.size() < kExcerptBytes)
    exchange->answer.append(data, std::min(n, kExcerptBytes - exchange->answer.size()));
  return n;
}

// The excerpt shown in the log: valid UTF-8 only (cut bytes replaced), never a control byte.
std::string Printable(const std::string& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    bool ok = len > 0 && i + len <= bytes.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len == 1 && c < 0x20 && c != '\n' && c != '\t') {
      out += ' ';
    } else {
      out.append(bytes, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace

bool BlockedBeforeConnecting(bool refused_an_address, long http_status, bool could_not_connect) {
  return refused_an_address && http_status == 0 && could_not_connect;
}

AttemptResult Post(const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& headers,
                   const std::string& body, const SendLimits& limits) {
  AttemptResult result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    result.error = "could not start an HTTP client";
    return result;
  }
  CURL* c = curl.get();
  Exchange exchange;
  exchange.limits = &limits;
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers)
    list = curl_slist_append(list, (name + ": " + value).c_str());
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list,
                                                                          curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect is an answer, not a new target
  curl_easy_setopt(c, CURLOPT_PROXY, "");           // no proxy from the environment: the
                                                    // address checked is the one reached
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &exchange);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(limits.timeout_ms, 10'000L));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, limits.timeout_ms);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, KeepAnswer);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &exchange);

  const auto started = std::chrono::steady_clock::now();
  const CURLcode code = curl_easy_perform(c);
  result.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  result.excerpt = Printable(exchange.answer);
  if (BlockedBeforeConnecting(!exchange.refused.empty(), status, code == CURLE_COULDNT_CONNECT)) {
    result.blocked = true;
    result.error = "refused to connect to " + exchange.refused +
                   ": a loopback, private or link-local address (see --webhook-allow-private)";
    return result;
  }
  if (status > 0) result.status = static_cast<int>(status);
  if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && exchange.too_large && status > 0)) {
    // An answer too long is cut, and judged by its status like any other.
    return result;
  }
  result.status.reset();
  result.timed_out = code == CURLE_OPERATION_TIMEDOUT;
  result.error = error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(code));
  return result;
}

}  // namespace copydesk::webhooks

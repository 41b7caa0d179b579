// libFuzzer target for everything a client controls before a route's domain code runs: HTTP
// framing (Beast's parser with the server's limits, pipelined requests as on a keep-alive
// connection), target decoding, header and cookie access, routing over the API's route table,
// the dispatcher (content type, UTF-8, problem+json, metrics), static file lookup, and the strict
// JSON reader with the helpers that check what it returns (ParseStringList, IsValidUtf8,
// ParseTime).
//
// Besides "no crash, no sanitizer report", it checks properties a client would notice:
//  - every response has a valid status, every problem+json body is valid JSON whose "status"
//    matches, and every JSON body is valid UTF-8;
//  - a matched route fills each of its {parameters} with a non-empty segment;
//  - static files never serve anything outside the web root;
//  - IsValidUtf8 agrees with an independent reading of Unicode's table 3-7;
//  - JsonInput::Finish accepts an object once every member was read, and refuses one whose
//    members were not;
//  - ParseTime accepts what FormatTime writes, giving back the same instant.
//
// Inputs that are not HTTP at all are also read as a JSON body, so the JSON reader is fuzzed
// efficiently: a mutated body rarely keeps its Content-Length right.

#include <signal.h>
#include <unistd.h>

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "core/log.hpp"
#include "http/dispatcher.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace copydesk;

// The server's defaults (Config): request head 16 KiB, body 8 MiB.
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::uint64_t kBodyLimit = 8 * 1024 * 1024;
// A keep-alive connection may pipeline requests; a few are enough to reach the parser's
// between-requests states without letting one input run long.
constexpr int kMaxRequestsPerInput = 8;

constexpr std::string_view kSecret = "outside-the-web-root";

[[noreturn]] void Violated(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "property violated: %s [%.*s]\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// A heap copy of exactly `text.size()` bytes: std::string keeps spare capacity and a NUL that
// hide one-byte over-reads from AddressSanitizer; an exact allocation does not.
struct Exact {
  explicit Exact(std::string_view text) : bytes(text.begin(), text.end()) {}
  std::string_view view() const { return {bytes.data(), bytes.size()}; }
  std::vector<char> bytes;
};

// Unicode 15, table 3-7 (well-formed UTF-8 byte sequences), read range by range: an independent
// oracle for IsValidUtf8.
bool ReferenceUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b0 = s[i];
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (b0 <= 0x7F) {
      ++i;
      continue;
    } else if (in(b0, 0xC2, 0xDF)) {
      len = 2;
    } else if (b0 == 0xE0) {
      len = 3, lo = 0xA0;
    } else if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) {
      len = 3;
    } else if (b0 == 0xED) {
      len = 3, hi = 0x9F;
    } else if (b0 == 0xF0) {
      len = 4, lo = 0x90;
    } else if (in(b0, 0xF1, 0xF3)) {
      len = 4;
    } else if (b0 == 0xF4) {
      len = 4, hi = 0x8F;
    } else {
      return false;
    }
    if (n - i < len || !in(s[i + 1], lo, hi)) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (!in(s[i + k], 0x80, 0xBF)) return false;
    }
    i += len;
  }
  return true;
}

void CheckUtf8(std::string_view text) {
  const Exact copy(text);
  if (IsValidUtf8(copy.view()) != ReferenceUtf8(text)) Violated("IsValidUtf8 disagrees", text);
}

void CheckTime(std::string_view text) {
  if (text.size() > 64) return;
  const Exact copy(text);
  const auto t = ParseTime(copy.view());
  if (!t) return;
  // FormatTime writes four-digit years only; past them there is nothing to round-trip.
  constexpr TimeMs kYear0 = -62167219200000, kYear10000 = 253402300800000;
  if (*t < kYear0 || *t >= kYear10000) return;
  const std::string formatted = FormatTime(*t);
  const auto again = ParseTime(formatted);
  if (!again || *again != *t) Violated("ParseTime(FormatTime(t)) != t", formatted);
}

// Every string a JSON value holds, depth-first, for the checks that take text.
void ForEachString(const json::value& v, int depth, const auto& fn) {
  if (depth > 40) return;
  if (v.is_string()) {
    fn(std::string_view(v.get_string()));
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) ForEachString(item, depth + 1, fn);
  } else if (v.is_object()) {
    for (const auto& member : v.get_object()) {
      fn(std::string_view(member.key()));
      ForEachString(member.value(), depth + 1, fn);
    }
  }
}

// What the routes do with a body: typed reads of the usual members, then Finish. Returns the
// error a route would answer, so the dispatcher turns it into problem+json.
Result<void> ReadLikeARoute(std::string_view body) {
  if (body.empty()) return {};
  const Exact copy(body);
  auto in = JsonInput::Parse(copy.view());
  if (!in) return std::move(in).error();

  // Strictness, both ways: reading every member leaves nothing unknown, and reading none
  // leaves every member unknown.
  {
    const json::object object = json::parse(copy.view()).as_object();
    JsonInput all = *in;
    for (const auto& member : object) (void)all.Raw(member.key());
    if (!all.Finish()) Violated("Finish refused an object whose members were all read", body);
    JsonInput none = *in;
    if (none.Finish().ok() != object.empty()) {
      Violated("Finish accepted unread members", body);
    }
  }

  auto email = in->String("email", JsonInput::kOptional, 254);
  auto name = in->String("name", JsonInput::kOptional, 400);
  auto password = in->String("password", JsonInput::kOptional, 1024);
  auto workspace_name = in->String("workspace_name");
  auto role = in->String("role", JsonInput::kOptional, 32);
  auto language = in->String("language", JsonInput::kOptional, 8);
  auto current = in->String("current_password");
  auto next = in->String("new_password");
  auto slug = in->String("slug");
  auto members = in->StringArray("members", JsonInput::kOptional, 100);
  auto position = in->Int("position");
  auto enabled = in->Bool("enabled");
  (void)in->IsNull("title");
  auto title = in->String("title");
  if (auto fields = in->Object("fields")) {
    JsonInput nested(std::move(*fields), "fields.");
    (void)nested.String("title");
    (void)nested.String("body", JsonInput::kOptional, 1 << 20);
    if (auto done = nested.Finish(); !done) {
      for (const auto& f : done.error().fields) in->Fault(f.field, f.message);
    }
  }
  for (const auto* s : {&email, &name, &password, &workspace_name, &role, &language, &current,
                        &next, &slug, &title}) {
    if (*s) {
      CheckUtf8(**s);
      CheckTime(**s);
    }
  }
  if (members && members->size() > 100) Violated("StringArray ignored max_items");
  (void)position, (void)enabled;
  return in->Finish();
}

void CheckJsonHelpers(std::string_view body) {
  CheckUtf8(body);
  CheckTime(body);
  const Exact copy(body);
  if (auto list = ParseStringList(copy.view(), "members", 50)) {
    if (list->size() > 50) Violated("ParseStringList ignored max_items");
    for (const auto& item : *list) CheckUtf8(item);
  }
  std::error_code ec;
  json::value value = json::parse(copy.view(), ec);
  if (!ec) ForEachString(value, 0, [](std::string_view s) { CheckTime(s); });
  (void)ReadLikeARoute(body);
}

// The web root with an app, an asset and, beside it, a file that must never be served. Named
// after the process: libFuzzer often ends without running destructors (crash, time limit), so
// each run removes what dead runs left behind.
struct WebRoot {
  WebRoot() {
    const fs::path tmp = fs::temp_directory_path();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(tmp, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("copydesk-fuzz-", 0) != 0) continue;
      const long pid = std::atol(name.c_str() + 14);
      if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
        fs::remove_all(entry.path(), ec);
      }
    }
    base = tmp / ("copydesk-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(base / "dist" / "assets");
    std::ofstream(base / "dist" / "index.html") << "<!doctype html><title>copydesk</title>";
    std::ofstream(base / "dist" / "assets" / "app-1a2b3c.js") << "console.log(1)";
    std::ofstream(base / kSecret) << kSecret;
    std::ofstream(base / "dist-secret.txt") << kSecret;
  }
  ~WebRoot() {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
  fs::path base;
};

// Builds the API's route table with handlers that read like the real ones, so the dispatcher
// is fuzzed end to end without a database.
struct Harness {
  Harness() : files((web.base / "dist").string()), dispatcher(router, files, metrics) {
    // Keeps libFuzzer's output readable; the log line builder still runs for warnings.
    SetLogLevel(LogLevel::kWarn);
    static const std::pair<const char*, const char*> kRoutes[] = {
        {"GET", "/healthz"},
        {"GET", "/readyz"},
        {"GET", "/metrics"},
        {"GET", "/api/v1/setup"},
        {"POST", "/api/v1/setup"},
        {"POST", "/api/v1/auth/login"},
        {"POST", "/api/v1/auth/logout"},
        {"POST", "/api/v1/invitations/{token}/accept"},
        {"GET", "/api/v1/me"},
        {"PATCH", "/api/v1/me"},
        {"PUT", "/api/v1/me/password"},
        {"GET", "/api/v1/me/sessions"},
        {"DELETE", "/api/v1/me/sessions/{id}"},
        {"GET", "/api/v1/me/tokens"},
        {"POST", "/api/v1/me/tokens"},
        {"DELETE", "/api/v1/me/tokens/{id}"},
        {"GET", "/api/v1/workspaces"},
        {"POST", "/api/v1/workspaces"},
        {"GET", "/api/v1/workspaces/{ws}"},
        {"PATCH", "/api/v1/workspaces/{ws}"},
        {"GET", "/api/v1/workspaces/{ws}/members"},
        {"POST", "/api/v1/workspaces/{ws}/members"},
        {"GET", "/api/v1/workspaces/{ws}/invitations"},
        {"PATCH", "/api/v1/workspaces/{ws}/members/{user_id}"},
        {"DELETE", "/api/v1/workspaces/{ws}/members/{user_id}"},
        {"GET", "/api/v1/workspaces/{ws}/teams"},
        {"POST", "/api/v1/workspaces/{ws}/teams"},
        {"PATCH", "/api/v1/workspaces/{ws}/teams/{team_id}"},
        {"DELETE", "/api/v1/workspaces/{ws}/teams/{team_id}"},
        {"PUT", "/api/v1/workspaces/{ws}/teams/{team_id}/members"},
    };
    for (const auto& [method, pattern] : kRoutes) {
      const std::string p = pattern;
      router.Add(method, p, [p](http::Request& req) -> Result<http::Response> {
        CheckParams(p, req);
        if (p.ends_with("/teams/{team_id}/members")) {
          auto list = ParseStringList(req.body, "members");
          if (!list) return std::move(list).error();
        } else if (auto read = ReadLikeARoute(req.body); !read) {
          return std::move(read).error();
        }
        return http::Response{200, "application/json", "{}", {}};
      });
    }
  }

  static void CheckParams(const std::string& pattern, const http::Request& req) {
    std::size_t open = 0;
    while ((open = pattern.find('{', open)) != std::string::npos) {
      const auto close = pattern.find('}', open);
      const std::string name = pattern.substr(open + 1, close - open - 1);
      const auto it = req.params.find(name);
      if (it == req.params.end() || it->second.empty() ||
          it->second.find('/') != std::string::npos) {
        Violated("route parameter missing or malformed", name);
      }
      open = close;
    }
  }

  WebRoot web;
  http::Router router;
  http::StaticFiles files;
  http::Metrics metrics;
  http::Dispatcher dispatcher;
};

Harness& TheHarness() {
  static Harness harness;
  return harness;
}

void CheckResponse(const http::Request& request, const http::Response& response) {
  if (response.status < 100 || response.status > 599) Violated("status out of range");
  // Exact equality: error details may quote the fuzzer's input, which can hold the same words.
  if (response.body == kSecret) {
    Violated("served a file outside the web root", request.path);
  }
  const bool problem = response.content_type == "application/problem+json";
  if (problem || response.content_type == "application/json") {
    if (!IsValidUtf8(response.body)) Violated("JSON response is not UTF-8", response.body);
    std::error_code ec;
    const json::value body = json::parse(response.body, ec);
    if (ec) Violated("JSON response does not parse", response.body);
    if (problem) {
      const auto* status = body.is_object() ? body.as_object().if_contains("status") : nullptr;
      if (status == nullptr || !status->is_int64() || status->get_int64() != response.status) {
        Violated("problem status differs from the HTTP status", response.body);
      }
    }
  }
}

// What the server does with one parsed head and body (server.cpp, Serve).
void Handle(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& head = parser.get();
  http::Request request;
  request.method = std::string(head.method_string());
  request.target = std::string(head.target());
  request.remote_ip = "127.0.0.1";
  request.request_id = "fuzz";
  for (const auto& field : head) {
    request.headers[std::string(field.name_string())] = std::string(field.value());
  }
  {
    const Exact target(request.target);
    if (!http::ParseTarget(target.view(), request.path, request.query)) return;
  }
  for (const auto& [key, value] : request.query) {
    CheckTime(value);
    (void)request.QueryParams(key);
  }
  (void)request.QueryParam("cursor");
  (void)request.Header("Authorization");
  (void)request.Header("x-csrf-token");
  if (auto cookie = request.Cookie("copydesk_session")) {
    if (cookie->find(';') != std::string::npos) Violated("cookie value spans pairs", *cookie);
  }
  (void)request.IsUnsafeMethod();
  if (!parser.is_done()) return;
  request.body = parser.get().body();
  CheckJsonHelpers(request.body);

  http::Response response = TheHarness().dispatcher.Handle(request);
  CheckResponse(request, response);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheHarness();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  bool any_head = false;
  for (int n = 0; n < kMaxRequestsPerInput && !rest.empty(); ++n) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
    parser.eager(true);
    beast::error_code ec;
    // Feed what is left, as the server's read loop does when more bytes arrive.
    while (!ec && !parser.is_done() && !rest.empty()) {
      const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
      rest.remove_prefix(used);
      if (used == 0 && !ec) break;
    }
    if (ec == bhttp::error::need_more) ec = {};
    if (parser.is_header_done()) {
      any_head = true;
      Handle(parser);
    }
    // A malformed or unfinished request ends the connection, as in the server.
    if (ec || !parser.is_done() || !parser.get().keep_alive()) break;
  }
  if (!any_head) CheckJsonHelpers(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

#include "http/dispatcher.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/json_input.hpp"
#include "core/log.hpp"
#include "http/problem.hpp"

namespace copydesk::http {

namespace {

bool IsApiPath(const std::string& path) {
  return path == "/api" || path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/readyz" ||
         path == "/metrics";
}

bool IsJsonContentType(std::string_view value) {
  const auto semi = value.find(';');
  std::string_view type = value.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json" || lower == "application/merge-patch+json";
}

void AddCommonHeaders(Response& response, const Request& request, bool api) {
  response.With("X-Request-Id", request.request_id);
  response.With("X-Content-Type-Options", "nosniff");
  response.With("Referrer-Policy", "same-origin");
  response.With("X-Frame-Options", "DENY");
  response.With("Content-Security-Policy",
                api ? "default-src 'none'; frame-ancestors 'none'"
                    // Images only from copydesk itself: a content embedding a remote image
                    // would tell its owner who reads the content, and when.
                    : "default-src 'self'; img-src 'self' data:; style-src 'self' "
                      "'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  // Downloads say how they may be cached (privately, by their hash); everything else no-store.
  const bool cache_said = std::any_of(response.headers.begin(), response.headers.end(),
                                      [](const auto& h) { return h.first == "Cache-Control"; });
  if (api && !cache_said) response.With("Cache-Control", "no-store");
}

// The method as a metrics label. Beast accepts any token as a method, up to the 16 KiB head
// limit, so labelling by the raw method would let anyone grow the series (memory and /metrics
// output) without bound, one made-up method at a time.
std::string_view MethodLabel(const std::string& method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

}  // namespace

std::string PathForLog(std::string_view path) {
  // Segments that follow these carry a secret (review links, invitations, password links), in
  // the API and in the web app's pages alike.
  static constexpr std::string_view kBeforeSecret[] = {"review", "invite", "invitations",
                                                       "password-resets", "reset-password"};
  const auto looks_like_secret = [](std::string_view segment) {
    // NewSecret(): 43 characters of URL-safe base64. Masked wherever they appear, so a route
    // added later with a secret in its path is covered too.
    if (segment.size() < 40) return false;
    for (char c : segment) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    }
    return true;
  };
  std::string out;
  out.reserve(path.size());
  std::string_view previous;
  std::size_t start = 0;
  while (start < path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    bool secret = looks_like_secret(segment);
    for (auto before : kBeforeSecret) secret = secret || (previous == before && !segment.empty());
    out += secret ? std::string_view("{secret}") : segment;
    if (end < path.size()) out += '/';
    previous = segment;
    start = end + 1;
  }
  return out;
}

Dispatcher::Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics)
    : router_(router), files_(files), metrics_(metrics) {}

Response Dispatcher::Route(Request& request, std::string& pattern) {
  if (!IsApiPath(request.path)) {
    pattern = "static";
    if (request.method != "GET" && request.method != "HEAD") {
      return ProblemResponse({ErrorKind::kMethodNotAllowed, "Only GET is allowed here."})
          .With("Allow", "GET, HEAD");
    }
    return files_.Serve(request.path, AcceptsGzip(request.Header("Accept-Encoding").value_or("")));
  }
  auto match = router_.Find(request);
  if (match.handler == nullptr) {
    if (match.wrong_method) {
      pattern = match.pattern;
      return ProblemResponse({ErrorKind::kMethodNotAllowed,
                              "Method " + request.method + " is not allowed here."})
          .With("Allow", match.allowed);
    }
    pattern = "unmatched";
    return ProblemResponse(Error::NotFound("No such API resource."));
  }
  pattern = match.pattern;
  if (!request.body.empty()) {
    auto type = request.Header("Content-Type");
    if (!type || !IsJsonContentType(*type)) {
      return ProblemResponse({ErrorKind::kUnsupportedMediaType,
                              "Send the request body as application/json.",
                              {{"Content-Type", "must be application/json"}}});
    }
    if (!IsValidUtf8(request.body)) {
      return ProblemResponse(Error::BadRequest("The request body is not valid UTF-8."));
    }
  }
  try {
    auto result = (*match.handler)(request);
    if (result) return std::move(result).value();
    if (result.error().kind == ErrorKind::kInternal) {
      Log(LogLevel::kError, "request failed",
          {{"request_id", request.request_id}, {"error", result.error().log}});
    }
    return ProblemResponse(result.error());
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "unexpected exception",
        {{"request_id", request.request_id}, {"error", e.what()}});
    return ProblemResponse(Error::Internal(e.what()));
  } catch (...) {
    // Some libraries (Xapian) throw types of their own: a failed request, never a dead server.
    Log(LogLevel::kError, "unexpected exception", {{"request_id", request.request_id}});
    return ProblemResponse(Error::Internal("unknown exception"));
  }
}

bool Dispatcher::StreamsBody(Request& request) const {
  if (!IsApiPath(request.path)) return false;
  if (auto type = request.Header("Content-Type"); type && IsJsonContentType(*type)) return false;
  const auto match = router_.Find(request);
  return match.handler != nullptr && match.streams_body;
}

std::optional<Response> Dispatcher::RefuseBeforeBody(Request& request) {
  const auto start = std::chrono::steady_clock::now();
  const auto match = router_.Find(request);
  if (match.handler == nullptr || match.check_head == nullptr) return std::nullopt;
  std::optional<Error> refusal;
  try {
    if (auto checked = (*match.check_head)(request); !checked) refusal = checked.error();
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "unexpected exception",
        {{"request_id", request.request_id}, {"error", e.what()}});
    refusal = Error::Internal(e.what());
  }
  if (!refusal) return std::nullopt;
  Response response = ProblemResponse(*refusal);
  AddCommonHeaders(response, request, true);
  Account(request, match.pattern, response, start);
  return response;
}

Response Dispatcher::Handle(Request& request) {
  const auto start = std::chrono::steady_clock::now();
  std::string pattern;
  Response response = Route(request, pattern);
  AddCommonHeaders(response, request, pattern != "static");
  Account(request, pattern, response, start);
  return response;
}

Response Dispatcher::Refuse(const Request& request, const Error& error) {
  const auto start = std::chrono::steady_clock::now();
  Response response = ProblemResponse(error);
  AddCommonHeaders(response, request, true);
  Account(request, "refused", response, start);
  return response;
}

void Dispatcher::Account(const Request& request, const std::string& pattern,
                         const Response& response, std::chrono::steady_clock::time_point start) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Record(std::string(MethodLabel(request.method)), pattern, response.status, seconds);
  if (LogEnabled(LogLevel::kInfo)) {
    Log(LogLevel::kInfo, "request",
        {{"request_id", request.request_id},
         {"method", request.method},
         {"path", PathForLog(request.path)},
         {"route", pattern},
         {"status", response.status},
         {"bytes", response.file.empty() ? response.body.size() : response.file_length},
         {"duration_ms", seconds * 1000.0},
         {"remote", request.remote_ip}});
  }
}

}  // namespace copydesk::http

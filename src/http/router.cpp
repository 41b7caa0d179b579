#include "http/router.hpp"

namespace copydesk::http {

namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, bool streams_body,
                 HeadCheck check_head) {
  Route route{std::move(method),  pattern,      {},
              std::move(handler), streams_body, std::move(check_head)};
  for (auto segment : Split(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Request& request) const {
  const auto segments = Split(request.path);
  Match match;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      const std::string& want = route.segments[i];
      const auto close = want.find('}');
      if (want.size() > 2 && want.front() == '{' && close != std::string::npos) {
        // "{secret}.ics": a parameter may end with a fixed suffix, which is not captured.
        const std::string_view suffix = std::string_view(want).substr(close + 1);
        const std::string_view got = segments[i];
        if (got.size() <= suffix.size() || !got.ends_with(suffix))
          ok = false;
        else
          params[want.substr(1, close - 1)] =
              std::string(got.substr(0, got.size() - suffix.size()));
      } else {
        ok = want == segments[i];
      }
    }
    if (!ok) continue;
    if (route.method != request.method) {
      match.wrong_method = true;
      match.pattern = route.pattern;
      if (match.allowed.find(route.method) == std::string::npos) {
        if (!match.allowed.empty()) match.allowed += ", ";
        match.allowed += route.method;
      }
      continue;
    }
    request.params = std::move(params);
    return {&route.handler,
            route.pattern,
            false,
            {},
            route.streams_body,
            route.check_head ? &route.check_head : nullptr};
  }
  return match;
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& route : routes_) out.emplace_back(route.method, route.pattern);
  return out;
}

}  // namespace copydesk::http

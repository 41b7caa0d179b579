#include "api/remembered.hpp"

#include <memory>
#include <string>
#include <utility>

#include "http/recent_answers.hpp"

namespace copydesk::api {

namespace {

// Appends `s` with its length first, so that no two different requests make the same key.
void Append(std::string& key, std::string_view s) {
  key += std::to_string(s.size());
  key += ':';
  key += s;
}

}  // namespace

Handle Remembered(storage::Database& db, Handle handle) {
  // 256 answers of up to a few hundred KB (a calendar month, a page of 200 rows) per route.
  auto answers = std::make_shared<http::RecentAnswers>(256, 32u << 20, kAnswerLifetimeMs);
  return [&db, answers, handle = std::move(handle)](Call& call) -> Result<http::Response> {
    // Read before the handler's read transaction starts: its snapshot holds at least this state.
    const auto state = db.DataState();
    if (!state) return handle(call);
    std::string key;
    Append(key, call.actor().user.id);
    Append(key, call.request.method);
    Append(key, call.request.target);
    key += *state;
    if (auto kept = answers->Find(key, call.now)) return std::move(*kept);
    auto answer = handle(call);
    if (answer && answer->status == 200 && answer->file.empty()) {
      answers->Keep(key, *answer, call.now);
    }
    return answer;
  };
}

}  // namespace copydesk::api

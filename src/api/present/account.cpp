#include "api/present/account.hpp"

#include <boost/json/value.hpp>

#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

json::object UserJson(const storage::UserRecord& user) {
  return {{"id", user.id}, {"email", user.email}, {"name", user.name}, {"language", user.language}};
}

json::object SessionJson(const storage::SessionRecord& session, const std::string& current_id) {
  return {{"id", session.id},
          {"current", session.id == current_id},
          {"created_at", FormatTime(session.created_at)},
          {"last_seen_at", FormatTime(session.last_seen_at)},
          {"expires_at", FormatTime(session.expires_at)},
          {"user_agent", session.user_agent},
          {"ip", session.ip}};
}

json::object TokenJson(const storage::ApiTokenRecord& token) {
  json::object out{
      {"id", token.id}, {"name", token.name}, {"created_at", FormatTime(token.created_at)}};
  out["last_used_at"] = token.last_used_at ? json::value(FormatTime(*token.last_used_at)) : nullptr;
  return out;
}

}  // namespace copydesk::api

#include "api/present/review.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/content_json.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

json::value VisitorJson(const collab::ReviewSession& session) {
  if (!session.visitor) return nullptr;
  return {{"name", session.visitor->name}, {"email", session.visitor->email}};
}

json::object ReviewContentJson(const content::ContentView& view,
                               const std::vector<storage::ApprovalRecord>& decisions) {
  const auto& c = view.content;
  std::error_code ec;
  auto fields = json::parse(c.fields_json, ec);
  json::object out{{"id", c.id},
                   {"title", c.title},
                   {"language", c.language},
                   {"revision", c.revision},
                   {"version", c.version},
                   {"fields", ec ? json::value(json::object()) : fields},
                   {"type", TypeJson(view.type)},
                   {"status", nullptr},
                   {"publish_at", c.publish_at ? json::value(FormatTime(*c.publish_at)) : nullptr},
                   {"updated_at", FormatTime(c.updated_at)}};
  if (view.status) out["status"] = {{"name", view.status->name}, {"color", view.status->color}};
  // What will be seen on each network: reviewers validate the variants with the text.
  out["variants"] = VariantsJson(view.variants);
  json::array mine;
  for (const auto& a : decisions) {
    if (a.content_id == c.id) mine.push_back(ApprovalJson(a, a.content_hash != c.content_hash));
  }
  out["decisions"] = std::move(mine);
  return out;
}

json::object ReviewPageJson(Services& s, const Visit& visit) {
  const auto& session = visit.session;
  const auto shown = s.sharing.Shown(session);
  const auto decisions = s.sharing.Decisions(session, shown);
  const auto frame = s.sharing.Frame(session);
  json::array contents;
  for (const auto& c : shown) {
    auto view = s.contents.Get(visit.actor, c.id);
    if (!view) continue;
    auto item = ReviewContentJson(*view, decisions);
    // Its channels, so that those with a network no one cut a variant for are previewed as
    // derived from the main text.
    json::array channels;
    for (const auto& id : view->content.channel_ids) {
      for (const auto& ch : frame.channels) {
        if (ch.id != id) continue;
        channels.push_back({{"id", ch.id},
                            {"name", ch.name},
                            {"network", ch.network ? json::value(*ch.network) : nullptr}});
      }
    }
    item["channels"] = std::move(channels);
    contents.push_back(std::move(item));
  }
  const auto& link = session.link;
  return {{"link",
           {{"level", link.level},
            {"label", link.label},
            {"expires_at", FormatTime(link.expires_at)},
            {"project", link.project_id ? json::value(link.project_name) : nullptr}}},
          {"visitor", VisitorJson(session)},
          {"csrf_token", session.csrf_token},
          // Previews are signed with the workspace's page; its picture is in the workspace's
          // library, which a visitor does not reach: initials.
          {"page", {{"name", frame.page_name}, {"avatar_url", nullptr}}},
          {"networks", NetworksJson()},
          {"contents", std::move(contents)}};
}

}  // namespace copydesk::api

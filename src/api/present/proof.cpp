#include "api/present/proof.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/present/diff.hpp"
#include "api/route.hpp"
#include "core/clock.hpp"

#ifndef COPYDESK_VERSION
#define COPYDESK_VERSION "unknown"
#endif

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value NameOrNull(const std::optional<std::string>& id, const std::string& name) {
  if (!id) return nullptr;
  return json::object{{"id", *id}, {"name", name}};
}

json::object DecisionJson(const workflow::ProofDecision& d) {
  const auto& a = d.approval;
  const bool visitor = a.link_id.has_value();
  json::object o{
      {"id", a.id},
      {"by", visitor ? json::value(nullptr) : NameOrNull(a.user_id, a.user_name)},
      {"team", NameOrNull(a.team_id, a.team_name)},
      {"review_link", visitor ? json::value(json::object{{"id", *a.link_id},
                                                         {"label", d.link ? d.link->label : ""}})
                              : json::value(nullptr)},
      {"visitor", visitor ? json::value(json::object{{"name", a.visitor_name.value_or("")},
                                                     {"email", a.visitor_email.value_or("")}})
                          : json::value(nullptr)},
      {"decision", a.decision},
      {"comment", a.comment},
      {"at", FormatTime(a.created_at)},
      {"revision", a.revision},
      {"state", d.stale ? "stale" : "valid"},
      {"stale_because", d.stale ? json::value(d.stale_because) : json::value(nullptr)},
  };
  return o;
}

}  // namespace

const char* ServerVersion() {
  return COPYDESK_VERSION;
}

json::object ProofJson(const workflow::Proof& proof) {
  const auto& c = proof.view.content;
  const auto& r = proof.revision;
  json::array files;
  for (const auto& f : proof.files)
    files.push_back({{"attachment_id", f.attachment_id},
                     {"media_id", f.media_id},
                     {"version", f.version},
                     {"name", f.name},
                     {"sha256", f.sha256},
                     {"size", f.size},
                     {"type", f.type}});
  json::array approvals;
  for (const auto& d : proof.decisions) approvals.push_back(DecisionJson(d));
  json::array trail;
  for (const auto& s : proof.trail) {
    trail.push_back({{"at", FormatTime(s.at)},
                     {"by", s.by},
                     {"from", TextOrNull(s.from)},
                     {"to", TextOrNull(s.to)},
                     {"comment", s.comment}});
  }
  // The variants as the revision stores them (so that its canonical snapshot can be recomputed
  // from this twin): {"<channel id>": {"fields": {…}, "visual": …}}.
  json::value variants = json::object{};
  {
    std::error_code ec;
    auto stored = json::parse(r.variants_json, ec);
    if (!ec && stored.is_object()) variants = std::move(stored);
  }
  json::value changes = nullptr;
  if (proof.changes) {
    auto diff = DiffJson(r.number, proof.changes->current_revision, proof.changes->fields);
    changes = json::object{{"current_revision", proof.changes->current_revision},
                           {"diff", diff["fields"]}};
  }
  return {
      {"proof_version", 1},
      {"generated_at", FormatTime(proof.generated_at)},
      {"workspace",
       {{"id", proof.workspace.id},
        {"slug", proof.workspace.slug},
        {"name", proof.workspace.name}}},
      {"content",
       {{"id", c.id},
        {"title", c.title},
        {"type",
         {{"id", proof.view.type.id},
          {"key", proof.view.type.key},
          {"name", proof.view.type.name}}},
        {"language", c.language}}},
      {"revision",
       {{"number", r.number},
        {"validated", proof.validated},
        {"saved_at", FormatTime(r.saved_at)},
        {"hash_algorithm", "sha256"},
        {"hash", proof.hash},
        {"title", r.title},
        {"fields", proof.fields},
        {"variants", std::move(variants)},
        {"attachments", std::move(files)}}},
      {"approvals", std::move(approvals)},
      {"trail", std::move(trail)},
      {"changes_since_validation", std::move(changes)},
      {"server", {{"version", ServerVersion()}}},
  };
}

json::object ProofVerdictJson(const workflow::ProofVerdict& verdict) {
  json::array checks;
  for (const auto& c : verdict.checks)
    checks.push_back({{"what", c.what}, {"ok", c.ok}, {"detail", c.detail}});
  return {{"matches", verdict.matches},
          {"checks", std::move(checks)},
          {"content", {{"id", verdict.content.id}, {"title", verdict.content.title}}}};
}

}  // namespace copydesk::api

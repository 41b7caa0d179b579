#include "collab/sharing.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>

#include "access/standing.hpp"
#include "auth/password.hpp"
#include "collab/notifications.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/accounts_store.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/workspaces_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::ShareLinkRecord;
using storage::ShareRecord;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;
constexpr TimeMs kDefaultLinkLifeMs = 30 * kDayMs;
constexpr TimeMs kLongestLinkLifeMs = 366 * kDayMs;
constexpr TimeMs kReviewSessionMs = 7 * kDayMs;
constexpr std::size_t kMinLinkPasswordChars = 8;

std::string EventData(json::object o) {
  return json::serialize(o);
}

// The checks every share input gets, before any lookup.
Result<void> CheckShareInput(const ShareInput& in) {
  if (in.user_id.has_value() == in.team_id.has_value())
    return Error::InvalidField(
        in.user_id ? "team_id" : "user_id",
        in.user_id ? "give user_id or team_id, not both" : "is required (or team_id)");
  if (!in.level) return Error::InvalidField("level", "is required");
  const auto level = auth::ParseShareLevel(*in.level);
  if (!level || *level == auth::ShareLevel::kValidate)
    return Error::InvalidField("level", "must be read, comment or edit");
  return {};
}

// Adds or changes a share of a content or a project, once the caller's right was checked.
Result<std::pair<ShareRecord, bool>> PutShare(Tx& tx, const auth::Actor& actor,
                                              const std::string& workspace_id, ShareRecord like,
                                              const storage::ContentRecord* content) {
  if (like.user_id && !storage::FindRole(tx, workspace_id, *like.user_id))
    return Error::InvalidField("user_id", "is not a member of this workspace");
  if (like.team_id && !storage::FindTeam(tx, workspace_id, *like.team_id))
    return Error::InvalidField("team_id", "is not a team of this workspace");
  const TimeMs now = NowMs();
  bool created = false;
  std::string id;
  if (auto same = storage::FindSameShare(tx, like)) {
    id = same->id;
    if (same->level != like.level) storage::UpdateShareLevel(tx, id, like.level);
  } else {
    id = NewId();
    like.id = id;
    like.workspace_id = workspace_id;
    like.created_by = actor.user.id;
    like.created_at = now;
    storage::InsertShare(tx, like);
    created = true;
  }
  const std::string subject = like.content_id ? *like.content_id : like.project_id.value_or("");
  storage::AppendEvent(tx, workspace_id, actor.user.id,
                       like.content_id ? "content.shared" : "project.shared", subject,
                       EventData({{"share", id},
                                  {"user", like.user_id ? json::value(*like.user_id) : nullptr},
                                  {"team", like.team_id ? json::value(*like.team_id) : nullptr},
                                  {"level", like.level}}),
                       now);
  if (created && like.user_id && content) {
    Notify(tx,
           {workspace_id, kind::kShared, actor.user.id, content, id,
            EventData({{"level", like.level}})},
           {*like.user_id}, now);
  }
  auto stored = storage::FindShare(tx, id);
  if (!stored) return Error::Internal("share " + id + " vanished");
  return std::make_pair(std::move(*stored), created);
}

// A content the actor may read, or 404; 403 when they may read it but not `action` it.
Result<storage::ContentRecord> ContentFor(Tx& tx, const auth::Actor& actor,
                                          const std::string& content_id, Action action) {
  auto content = storage::FindContent(tx, content_id);
  if (!content || !access::May(tx, actor.user.id, *content, Action::kReadContent))
    return Error::NotFound("No such content.");
  if (!access::May(tx, actor.user.id, *content, action))
    return Error::Forbidden("You may not share this content.");
  return std::move(*content);
}

// A project's workspace when the actor may read it (staff), or 404; 403 when they may not
// `action` it.
Result<std::string> ProjectFor(Tx& tx, const auth::Actor& actor, const std::string& project_id,
                               Action action) {
  auto ws = storage::WorkspaceOfProject(tx, project_id);
  const auto role = ws ? access::RoleIn(tx, *ws, actor.user.id) : std::nullopt;
  if (!ws || !auth::Can(role, Action::kReadSettings)) return Error::NotFound("No such project.");
  if (!auth::Can(role, action)) return Error::Forbidden("You may not share this project.");
  return *ws;
}

struct CheckedLink {
  std::string level;
  TimeMs expires_at = 0;
  std::optional<std::string> password_hash;
  std::string label;
};

// Checks a link input and hashes its password (slow by design: before any transaction).
Result<CheckedLink> CheckLinkInput(const LinkInput& in, TimeMs now) {
  CheckedLink out;
  if (!in.level) return Error::InvalidField("level", "is required");
  if (!auth::ParseShareLevel(*in.level))
    return Error::InvalidField("level", "must be read, comment, edit or validate");
  out.level = *in.level;
  out.expires_at = in.expires_at.value_or(now + kDefaultLinkLifeMs);
  if (out.expires_at <= now) return Error::InvalidField("expires_at", "must be in the future");
  if (out.expires_at > now + kLongestLinkLifeMs)
    return Error::InvalidField("expires_at", "must be within a year");
  if (in.label) {
    out.label = std::string(Trim(*in.label));
    if (CountCharacters(out.label) > 200)
      return Error::InvalidField("label", "must be at most 200 characters");
    if (auto why = CheckNameCharacters(out.label)) return Error::InvalidField("label", *why);
  }
  if (in.password && !in.password->empty()) {
    const auto chars = CountCharacters(*in.password);
    if (chars < kMinLinkPasswordChars || chars > auth::kMaxPasswordChars)
      return Error::InvalidField("password", "must be 8 to 256 characters");
    out.password_hash = auth::HashPassword(*in.password);
  }
  return out;
}

CreatedLink MakeLink(Tx& tx, const auth::Actor& actor, const std::string& workspace_id,
                     const std::optional<std::string>& content_id,
                     const std::optional<std::string>& project_id, CheckedLink checked,
                     TimeMs now) {
  CreatedLink out;
  out.secret = NewSecret();
  auto& l = out.link;
  l.id = NewId();
  l.workspace_id = workspace_id;
  l.content_id = content_id;
  l.project_id = project_id;
  l.level = checked.level;
  l.label = checked.label;
  l.secret_hash = HashSecret(out.secret);
  l.password_hash = checked.password_hash;
  l.expires_at = checked.expires_at;
  l.created_by = actor.user.id;
  l.created_at = now;
  storage::InsertShareLink(tx, l);
  storage::AppendEvent(tx, workspace_id, actor.user.id,
                       content_id ? "content.link_created" : "project.link_created",
                       content_id ? *content_id : project_id.value_or(""),
                       EventData({{"link", l.id}, {"level", l.level}, {"label", l.label}}), now);
  if (auto stored = storage::FindShareLink(tx, l.id)) l = std::move(*stored);
  return out;
}

// The review link for `secret` while it is live.
std::optional<ShareLinkRecord> LiveLink(Tx& tx, const std::string& secret, TimeMs now) {
  auto link = storage::FindShareLinkBySecretHash(tx, HashSecret(secret));
  if (!link || !link->Live(now)) return std::nullopt;
  return link;
}

Error UnknownLink() {
  return Error::NotFound("This link does not exist or is no longer open.");
}

}  // namespace

std::optional<auth::Actor> ReviewSession::Actor(Tx& tx) const {
  if (!visitor) return std::nullopt;
  auto user = storage::FindUserById(tx, visitor->user_id);
  if (!user) return std::nullopt;
  auth::Actor actor;
  actor.user = std::move(*user);
  return actor;
}

// ---- shares -----------------------------------------------------------------------------------

Result<std::vector<ShareRecord>> Sharing::ContentShares(const auth::Actor& actor,
                                                        const std::string& content_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<ShareRecord>> {
    auto content = ContentFor(tx, actor, content_id, Action::kShareContent);
    if (!content) return std::move(content).error();
    auto out = storage::ListShares(tx, content->id, std::nullopt);
    // Shares of its project reach it too: listed after its own.
    if (content->project_id) {
      for (auto& s : storage::ListShares(tx, std::nullopt, content->project_id))
        out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<ShareRecord>> Sharing::ProjectShares(const auth::Actor& actor,
                                                        const std::string& project_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<ShareRecord>> {
    auto ws = ProjectFor(tx, actor, project_id, Action::kManageProjects);
    if (!ws) return std::move(ws).error();
    return storage::ListShares(tx, std::nullopt, project_id);
  });
}

Result<std::pair<ShareRecord, bool>> Sharing::ShareContent(const auth::Actor& actor,
                                                           const std::string& content_id,
                                                           ShareInput in) {
  if (auto checked = CheckShareInput(in); !checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<std::pair<ShareRecord, bool>> {
    auto content = ContentFor(tx, actor, content_id, Action::kShareContent);
    if (!content) return std::move(content).error();
    ShareRecord like;
    like.content_id = content->id;
    like.user_id = in.user_id;
    like.team_id = in.team_id;
    like.level = *in.level;
    return PutShare(tx, actor, content->workspace_id, std::move(like), &*content);
  });
}

Result<std::pair<ShareRecord, bool>> Sharing::ShareProject(const auth::Actor& actor,
                                                           const std::string& project_id,
                                                           ShareInput in) {
  if (auto checked = CheckShareInput(in); !checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<std::pair<ShareRecord, bool>> {
    auto ws = ProjectFor(tx, actor, project_id, Action::kManageProjects);
    if (!ws) return std::move(ws).error();
    ShareRecord like;
    like.project_id = project_id;
    like.user_id = in.user_id;
    like.team_id = in.team_id;
    like.level = *in.level;
    return PutShare(tx, actor, *ws, std::move(like), nullptr);
  });
}

Result<void> Sharing::Unshare(const auth::Actor& actor, const std::string& share_id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto share = storage::FindShare(tx, share_id);
    if (!share) return Error::NotFound("No such share.");
    if (share->content_id) {
      auto content = ContentFor(tx, actor, *share->content_id, Action::kShareContent);
      if (!content) {
        if (content.error().kind == ErrorKind::kNotFound) return Error::NotFound("No such share.");
        return std::move(content).error();
      }
    } else {
      auto ws = ProjectFor(tx, actor, share->project_id.value_or(""), Action::kManageProjects);
      if (!ws) {
        if (ws.error().kind == ErrorKind::kNotFound) return Error::NotFound("No such share.");
        return std::move(ws).error();
      }
    }
    storage::DeleteShare(tx, share->id);
    storage::AppendEvent(
        tx, share->workspace_id, actor.user.id,
        share->content_id ? "content.unshared" : "project.unshared",
        share->content_id ? *share->content_id : share->project_id.value_or(""),
        EventData({{"share", share->id},
                   {"user", share->user_id ? json::value(*share->user_id) : nullptr},
                   {"team", share->team_id ? json::value(*share->team_id) : nullptr}}),
        NowMs());
    return {};
  });
}

// ---- links ------------------------------------------------------------------------------------

Result<CreatedLink> Sharing::LinkContent(const auth::Actor& actor, const std::string& content_id,
                                         LinkInput in, TimeMs now) {
  auto checked = CheckLinkInput(in, now);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<CreatedLink> {
    auto content = ContentFor(tx, actor, content_id, Action::kShareContent);
    if (!content) return std::move(content).error();
    return MakeLink(tx, actor, content->workspace_id, content->id, std::nullopt,
                    std::move(*checked), now);
  });
}

Result<CreatedLink> Sharing::LinkProject(const auth::Actor& actor, const std::string& project_id,
                                         LinkInput in, TimeMs now) {
  auto checked = CheckLinkInput(in, now);
  if (!checked) return std::move(checked).error();
  return db_.Write([&](Tx& tx) -> Result<CreatedLink> {
    auto ws = ProjectFor(tx, actor, project_id, Action::kManageProjects);
    if (!ws) return std::move(ws).error();
    return MakeLink(tx, actor, *ws, std::nullopt, project_id, std::move(*checked), now);
  });
}

Result<std::vector<ShareLinkRecord>> Sharing::ContentLinks(const auth::Actor& actor,
                                                           const std::string& content_id,
                                                           TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<ShareLinkRecord>> {
    auto content = ContentFor(tx, actor, content_id, Action::kShareContent);
    if (!content) return std::move(content).error();
    return storage::ListLiveShareLinks(tx, content->workspace_id, content->id, std::nullopt, now);
  });
}

Result<std::vector<ShareLinkRecord>> Sharing::ProjectLinks(const auth::Actor& actor,
                                                           const std::string& project_id,
                                                           TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<ShareLinkRecord>> {
    auto ws = ProjectFor(tx, actor, project_id, Action::kManageProjects);
    if (!ws) return std::move(ws).error();
    return storage::ListLiveShareLinks(tx, *ws, std::nullopt, project_id, now);
  });
}

Result<std::vector<ShareLinkRecord>> Sharing::WorkspaceLinks(const auth::Actor& actor,
                                                             const std::string& ws, TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<ShareLinkRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kSeeAllLinks);
    if (!access) return std::move(access).error();
    return storage::ListLiveShareLinks(tx, access->workspace.id, std::nullopt, std::nullopt, now);
  });
}

Result<void> Sharing::Revoke(const auth::Actor& actor, const std::string& link_id, TimeMs now) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto link = storage::FindShareLink(tx, link_id);
    const auto role = link ? access::RoleIn(tx, link->workspace_id, actor.user.id) : std::nullopt;
    if (!link || !auth::Can(role, Action::kReadWorkspace)) return Error::NotFound("No such link.");
    bool may = auth::Can(role, Action::kSeeAllLinks) || link->created_by == actor.user.id;
    if (!may && link->content_id) {
      auto content = storage::FindContent(tx, *link->content_id);
      may = content && access::May(tx, actor.user.id, *content, Action::kShareContent);
    } else if (!may) {
      may = auth::Can(role, Action::kManageProjects);
    }
    if (!may) {
      // A member who may not see the link's content or project learns nothing about it.
      std::optional<storage::ContentRecord> content;
      if (link->content_id) content = storage::FindContent(tx, *link->content_id);
      const bool reads = content ? access::May(tx, actor.user.id, *content, Action::kReadContent)
                                 : auth::Can(role, Action::kReadSettings);
      if (!reads) return Error::NotFound("No such link.");
      return Error::Forbidden("You may not close this link.");
    }
    if (link->revoked_at) return {};
    storage::RevokeShareLink(tx, link->id, actor.user.id, now);
    storage::AppendEvent(tx, link->workspace_id, actor.user.id,
                         link->content_id ? "content.link_revoked" : "project.link_revoked",
                         link->content_id ? *link->content_id : link->project_id.value_or(""),
                         EventData({{"link", link->id}, {"label", link->label}}), now);
    return {};
  });
}

// ---- visitors ---------------------------------------------------------------------------------

Result<OpenedReview> Sharing::Open(const std::string& secret,
                                   const std::optional<std::string>& password,
                                   const std::optional<std::string>& name,
                                   const std::optional<std::string>& email, TimeMs now) {
  auto link = db_.Read([&](Tx& tx) { return LiveLink(tx, secret, now); });
  // A wrong password costs the same as an unknown link: one argon2id verification.
  const bool password_given = password && !password->empty();
  if (!link || link->password_hash) {
    const std::string& hash =
        link && link->password_hash ? *link->password_hash : auth::DecoyPasswordHash();
    const bool ok = password_given && auth::VerifyPassword(*password, hash);
    if (!link || !ok) return UnknownLink();
  }
  // Whoever opens a link says who they are, so that the team knows who read, wrote or decided.
  const std::string clean_name = name ? std::string(Trim(*name)) : std::string();
  const std::string clean_email = email ? NormalizeEmail(*email) : std::string();
  if (clean_name.empty() || CountCharacters(clean_name) > 100)
    return Error::InvalidField("name", "is required: 1 to 100 characters");
  if (auto why = CheckNameCharacters(clean_name)) return Error::InvalidField("name", *why);
  if (clean_email.empty()) return Error::InvalidField("email", "must be an e-mail address");
  return db_.Write([&](Tx& tx) -> Result<OpenedReview> {
    auto live = storage::FindShareLink(tx, link->id);
    if (!live || !live->Live(now)) return UnknownLink();
    OpenedReview out;
    out.session.link = std::move(*live);
    const auto& l = out.session.link;
    {
      // Every session is a person of its own: an e-mail typed into a form proves nothing, so a
      // second session with the same one must not take over the first visitor's name, comments
      // or decisions. Their identity is a users row that can never sign in.
      storage::UserRecord user;
      user.id = NewId();
      user.email = "visitor-" + user.id + "@review.invalid";
      user.name = clean_name;
      user.language = "en";
      if (auto ws = storage::FindWorkspace(tx, l.workspace_id)) user.language = ws->language;
      user.created_at = now;
      storage::InsertUser(tx, user);
      out.session.visitor =
          storage::LinkVisitorRecord{NewId(), l.id, user.id, clean_name, clean_email, now};
      storage::InsertLinkVisitor(tx, *out.session.visitor);
    }
    out.token = NewSecret();
    out.session.csrf_token = NewSecret();
    out.expires_at = std::min(l.expires_at, now + kReviewSessionMs);
    storage::DeleteExpiredLinkSessions(tx, now);
    storage::InsertLinkSession(
        tx,
        {HashSecret(out.token), l.id,
         out.session.visitor ? std::optional<std::string>(out.session.visitor->id) : std::nullopt,
         out.session.csrf_token, now, out.expires_at});
    storage::TouchShareLink(tx, l.id, now);
    storage::AppendEvent(
        tx, l.workspace_id,
        out.session.visitor ? std::optional<std::string>(out.session.visitor->user_id)
                            : std::nullopt,
        "link.opened", l.content_id ? *l.content_id : l.project_id.value_or(""),
        EventData({{"link", l.id},
                   {"visitor", out.session.visitor ? json::value(out.session.visitor->name)
                                                   : json::value(nullptr)}}),
        now);
    return out;
  });
}

Result<ReviewSession> Sharing::Resume(const std::string& secret,
                                      const std::optional<std::string>& token, TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<ReviewSession> {
    auto link = LiveLink(tx, secret, now);
    if (!link) return UnknownLink();
    std::optional<storage::LinkSessionRecord> session;
    if (token) session = storage::FindLinkSession(tx, HashSecret(*token));
    if (!session || session->link_id != link->id || session->expires_at <= now) {
      // Holding the secret is not knowing the password: until it is given, a protected link
      // tells nothing of what it is (its level, its label).
      if (link->password_hash) {
        Error e = Error::Unauthenticated("A password is required to open this link.");
        e.extra_json = json::serialize(json::object{{"password_required", true}});
        return e;
      }
      Error e = Error::Unauthenticated("Say who you are to open this link.");
      e.extra_json = json::serialize(json::object{
          {"password_required", false}, {"level", link->level}, {"label", link->label}});
      return e;
    }
    ReviewSession out;
    out.link = std::move(*link);
    out.csrf_token = session->csrf_token;
    if (session->visitor_id) out.visitor = storage::FindLinkVisitorById(tx, *session->visitor_id);
    return out;
  });
}

std::vector<storage::ContentRecord> Sharing::Shown(const ReviewSession& session) {
  return db_.Read([&](Tx& tx) {
    std::vector<storage::ContentRecord> out;
    if (session.link.content_id) {
      auto c = storage::FindContent(tx, *session.link.content_id);
      if (c && !c->archived_at) out.push_back(std::move(*c));
      return out;
    }
    storage::ContentQuery q;
    q.workspace_id = session.link.workspace_id;
    q.projects = {session.link.project_id.value_or("")};
    q.limit = 200;
    return storage::ListContents(tx, q);
  });
}

ReviewFrame Sharing::Frame(const ReviewSession& session) {
  return db_.Read([&](Tx& tx) {
    ReviewFrame out;
    if (auto ws = storage::FindWorkspace(tx, session.link.workspace_id)) {
      out.page_name = ws->page_name.value_or(ws->name);
    }
    out.channels = storage::ListChannels(tx, session.link.workspace_id);
    return out;
  });
}

Result<storage::ContentRecord> Sharing::ShownContent(const ReviewSession& session,
                                                     const std::string& content_id) {
  for (auto& c : Shown(session)) {
    if (c.id == content_id) return std::move(c);
  }
  return Error::NotFound("No such content.");
}

std::vector<storage::ApprovalRecord> Sharing::Decisions(
    const ReviewSession& session, const std::vector<storage::ContentRecord>& shown) {
  std::vector<storage::ApprovalRecord> out;
  if (!session.visitor) return out;
  db_.Read([&](Tx& tx) {
    for (const auto& c : shown) {
      // This visitor's own, by identity: another session's, even with the same e-mail, is not.
      for (auto& a : storage::ListApprovals(tx, c.id)) {
        if (a.user_id == session.visitor->user_id && a.link_id == session.link.id)
          out.push_back(std::move(a));
      }
    }
  });
  return out;
}

Result<storage::ApprovalRecord> Sharing::Decide(const ReviewSession& session, DecisionInput in,
                                                TimeMs now) {
  if (session.link.level != "validate" || !session.visitor)
    return Error::Forbidden("This link does not ask for a validation.");
  if (!in.decision) return Error::InvalidField("decision", "is required");
  std::string decision;
  if (*in.decision == "validated")
    decision = "approved";
  else if (*in.decision == "not_validated")
    decision = "changes_requested";
  else
    return Error::InvalidField("decision", "must be \"validated\" or \"not_validated\"");
  if (!in.revision) return Error::InvalidField("revision", "is required");
  const std::string comment(Trim(in.comment.value_or("")));
  if (CountCharacters(comment) > 5000)
    return Error::InvalidField("comment", "must be at most 5000 characters");
  if (decision == "changes_requested" && comment.empty())
    return Error::InvalidField("comment", "is required: say what should change");
  std::string content_id;
  if (session.link.content_id) {
    content_id = *session.link.content_id;
    if (in.content_id && *in.content_id != content_id)
      return Error::InvalidField("content_id", "is not what this link shows");
  } else if (!in.content_id) {
    return Error::InvalidField("content_id", "is required: this link shows a project");
  } else {
    content_id = *in.content_id;
  }
  auto shown = ShownContent(session, content_id);
  if (!shown) {
    return Error::InvalidField("content_id", "is not what this link shows");
  }
  return db_.Write([&](Tx& tx) -> Result<storage::ApprovalRecord> {
    auto link = storage::FindShareLink(tx, session.link.id);
    if (!link || !link->Live(now)) return UnknownLink();
    auto c = storage::FindContent(tx, content_id);
    if (!c || c->archived_at) return Error::NotFound("No such content.");
    if (*in.revision != c->revision) {
      Error e = Error::Conflict("The text changed since revision " + std::to_string(*in.revision) +
                                    ": read revision " + std::to_string(c->revision) +
                                    " before deciding.",
                                {{"revision", "is not the current revision"}});
      e.extra_json = json::serialize(json::object{{"current_revision", c->revision}});
      return e;
    }
    storage::ApprovalRecord a;
    a.id = NewId();
    a.content_id = c->id;
    a.revision = c->revision;
    a.content_hash = c->content_hash;
    a.status_id = c->status_id;
    a.decision = decision;
    a.comment = comment;
    a.user_id = session.visitor->user_id;
    a.visitor_name = session.visitor->name;
    a.visitor_email = session.visitor->email;
    a.link_id = link->id;
    a.created_at = now;
    a.covered_variants_json = storage::InsertApproval(tx, a);
    storage::SealRevision(tx, c->id, c->revision);  // the validated text can never be altered
    storage::AppendEvent(tx, c->workspace_id, session.visitor->user_id, "approval.given", c->id,
                         EventData({{"visitor", session.visitor->name},
                                    {"link", link->id},
                                    {"decision", decision},
                                    {"revision", c->revision},
                                    {"comment", comment}}),
                         now);
    std::set<std::string> people(c->assignee_ids.begin(), c->assignee_ids.end());
    if (c->owner_id) people.insert(*c->owner_id);
    if (link->created_by) people.insert(*link->created_by);
    Notify(tx,
           {c->workspace_id, kind::kDecision, session.visitor->user_id, &*c, a.id,
            EventData({{"link", link->id},
                       {"label", link->label},
                       {"decision", decision},
                       {"revision", c->revision}})},
           people, now);
    return a;
  });
}

}  // namespace copydesk::collab

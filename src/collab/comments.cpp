#include "collab/comments.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "collab/anchors.hpp"
#include "collab/mentions.hpp"
#include "collab/notifications.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::CommentRecord;
using storage::Tx;

namespace {

struct Loaded {
  CommentRecord comment;
  access::OnContent on;
};

// A comment on a content the caller may read; otherwise it does not exist for them.
Result<Loaded> LoadComment(Tx& tx, const std::string& user_id, const std::string& id) {
  auto comment = storage::FindComment(tx, id);
  if (!comment) return Error::NotFound("No such comment.");
  auto on = access::Open(tx, user_id, comment->content_id);
  if (!on) return Error::NotFound("No such comment.");
  // Internal comments (and the replies in an internal thread) do not exist for guests.
  if (!on->standing.SeesInternal()) {
    auto root = comment->parent_id ? storage::FindComment(tx, *comment->parent_id) : comment;
    if (comment->internal || !root || root->internal) return Error::NotFound("No such comment.");
  }
  return Loaded{std::move(*comment), std::move(*on)};
}

Result<std::string> CheckBody(const std::string& body) {
  const std::string_view trimmed = Trim(body);
  if (trimmed.empty()) return Error::InvalidField("body", "must not be empty");
  if (CountCharacters(trimmed) > kMaxCommentChars)
    return Error::InvalidField(
        "body", "must be at most " + std::to_string(kMaxCommentChars) + " characters");
  return std::string(trimmed);
}

std::string Excerpt(const std::string& body) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if ((static_cast<unsigned char>(body[i]) & 0xC0) != 0x80 && ++chars > 140) return out + "…";
    out.push_back(body[i] == '\n' ? ' ' : body[i]);
  }
  return out;
}

std::string Data(const CommentRecord& c) {
  return json::serialize(json::object{{"comment_id", c.id},
                                      {"thread_id", c.parent_id.value_or(c.id)},
                                      {"excerpt", Excerpt(c.body)}});
}

// Places an anchor on the current text, checking it against the revision the writer read.
Result<void> PlaceAnchor(Tx& tx, const storage::ContentRecord& content, const AnchorInput& in,
                         CommentRecord& c) {
  if (in.field.empty()) return Error::InvalidField("anchor.field", "is required");
  if (in.quote.empty()) return Error::InvalidField("anchor.quote", "must not be empty");
  if (CountCharacters(in.quote) > kMaxQuoteChars)
    return Error::InvalidField("anchor.quote",
                               "must be at most " + std::to_string(kMaxQuoteChars) + " characters");
  std::string title = content.title, fields = content.fields_json;
  const std::int64_t revision = in.revision.value_or(content.revision);
  if (revision != content.revision) {
    auto stored = storage::FindRevision(tx, content.id, revision);
    if (!stored) return Error::InvalidField("anchor.revision", "is not a revision of this content");
    title = stored->title;
    fields = stored->fields_json;
  }
  const auto text = FieldText(title, fields, in.field);
  if (!text) return Error::InvalidField("anchor.field", "is not a text field of this content");
  const auto found = FindQuote(*text, in.quote);
  if (found.empty())
    return Error::InvalidField("anchor.quote", "is not in the field's text of that revision");
  std::int64_t offset = found.front();
  if (in.offset) {
    if (std::find(found.begin(), found.end(), *in.offset) == found.end())
      return Error::InvalidField("anchor.offset", "the quote is not at this offset");
    offset = *in.offset;
  }
  c.anchor_field = in.field;
  c.anchor_quote = in.quote;
  c.anchor_revision = content.revision;
  c.anchor_version = content.version;  // the text it is placed in: later updates move it on
  c.anchor_state = "active";
  c.anchor_offset = offset;
  if (revision != content.revision) {
    // Written on an older revision: follow the passage to the current text at once.
    const auto current = FieldText(content.title, content.fields_json, in.field).value_or("");
    if (auto moved = RelocateQuote(*text, current, in.quote, offset))
      c.anchor_offset = *moved;
    else
      c.anchor_state = "removed";
  }
  return {};
}

}  // namespace

Result<std::vector<Thread>> Comments::List(const auth::Actor& actor,
                                           const std::string& content_id) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<Thread>> {
    auto on = access::Open(tx, actor.user.id, content_id);
    if (!on) return std::move(on).error();
    std::vector<Thread> threads;
    std::vector<CommentRecord> replies;
    const bool internal_too = on->standing.SeesInternal();
    for (auto& c : storage::ListComments(tx, content_id)) {
      if (c.internal && !internal_too) continue;
      if (c.parent_id)
        replies.push_back(std::move(c));
      else
        threads.push_back({std::move(c), {}});
    }
    for (auto& r : replies) {
      for (auto& t : threads) {
        if (t.root.id == *r.parent_id) {
          t.replies.push_back(std::move(r));
          break;
        }
      }
    }
    return threads;
  });
}

Result<CommentRecord> Comments::Create(const auth::Actor& actor, const std::string& content_id,
                                       CommentInput in) {
  if (!in.body) return Error::InvalidField("body", "is required");
  if (auto body = CheckBody(*in.body); !body) return std::move(body).error();
  return db_.Write([&](Tx& tx) -> Result<CommentRecord> {
    return CreateComment(tx, actor, content_id, std::move(in), NowMs());
  });
}

Result<CommentRecord> CreateComment(Tx& tx, const auth::Actor& actor, const std::string& content_id,
                                    CommentInput in, TimeMs now) {
  if (!in.body) return Error::InvalidField("body", "is required");
  auto body = CheckBody(*in.body);
  if (!body) return std::move(body).error();
  auto on = access::Open(tx, actor.user.id, content_id);
  if (!on) return std::move(on).error();
  if (!on->Can(Action::kComment)) return Error::Forbidden("You may not comment here.");
  const bool staff = on->standing.SeesInternal();
  if (in.internal.value_or(false) && !staff)
    return Error::InvalidField("internal",
                               "only the workspace's own members write internal comments");
  const auto& content = on->content;
  CommentRecord c;
  c.id = NewId();
  c.workspace_id = content.workspace_id;
  c.content_id = content.id;
  c.author_id = actor.user.id;
  c.author_name = actor.user.name;
  c.body = *body;
  c.internal = in.internal.value_or(false);
  c.created_at = now;
  c.updated_at = now;
  if (in.parent) {
    auto parent = storage::FindComment(tx, *in.parent);
    if (!parent || parent->content_id != content.id || (parent->internal && !staff))
      return Error::InvalidField("parent", "is not a comment of this content");
    c.parent_id = parent->parent_id.value_or(parent->id);  // threads are one level deep
    if (parent->internal) c.internal = true;  // a reply in an internal thread stays inside
    if (in.anchor)
      return Error::InvalidField("anchor", "only a thread's first comment has an anchor");
  } else if (in.anchor) {
    if (auto placed = PlaceAnchor(tx, content, *in.anchor, c); !placed)
      return std::move(placed).error();
  }
  storage::InsertComment(tx, c);
  storage::AppendEvent(
      tx, content.workspace_id, actor.user.id, "comment.created", content.id,
      json::serialize(json::object{{"comment", c.id},
                                   {"parent", c.parent_id ? json::value(*c.parent_id) : nullptr},
                                   {"internal", c.internal}}),
      now);
  const auto told = Notify(
      tx,
      {content.workspace_id, kind::kMentioned, actor.user.id, &content, c.id, Data(c), c.internal},
      MentionedPeople(tx, content.workspace_id, c.body), now);
  if (c.parent_id) {
    std::set<std::string> participants;
    for (auto& p : storage::ThreadParticipants(tx, *c.parent_id)) {
      if (!told.contains(p)) participants.insert(std::move(p));  // one notice is enough
    }
    Notify(tx,
           {content.workspace_id, kind::kReply, actor.user.id, &content, c.id, Data(c), c.internal},
           participants, now);
  }
  return c;
}

Result<CommentRecord> Comments::Update(const auth::Actor& actor, const std::string& id,
                                       CommentInput in) {
  if (in.parent) return Error::InvalidField("parent", "cannot change");
  if (in.anchor) return Error::InvalidField("anchor", "cannot change: start a new thread");
  std::optional<std::string> body;
  if (in.body) {
    auto checked = CheckBody(*in.body);
    if (!checked) return std::move(checked).error();
    body = std::move(*checked);
  }
  return db_.Write([&](Tx& tx) -> Result<CommentRecord> {
    auto loaded = LoadComment(tx, actor.user.id, id);
    if (!loaded) return std::move(loaded).error();
    auto& c = loaded->comment;
    const auto& content = loaded->on.content;
    if (c.author_id != actor.user.id || !loaded->on.Can(Action::kComment))
      return Error::Forbidden("Only its author may change a comment.");
    const std::string old_body = c.body;
    const TimeMs now = NowMs();
    if (body && *body != c.body) {
      c.body = *body;
      c.edited_at = now;
    }
    if (in.internal && *in.internal != c.internal) {
      if (!loaded->on.standing.SeesInternal())
        return Error::InvalidField("internal",
                                   "only the workspace's own members write internal comments");
      if (c.parent_id)
        return Error::InvalidField("internal", "is the thread's: change its first comment");
      c.internal = *in.internal;
    }
    c.updated_at = now;
    storage::UpdateComment(tx, c);
    storage::AppendEvent(tx, content.workspace_id, actor.user.id, "comment.updated", content.id,
                         json::serialize(json::object{{"comment", c.id}}), now);
    // Only people mentioned by this edit are told; those mentioned before already were.
    std::set<std::string> fresh = MentionedPeople(tx, content.workspace_id, c.body);
    for (const auto& p : MentionedPeople(tx, content.workspace_id, old_body)) fresh.erase(p);
    Notify(tx,
           {content.workspace_id, kind::kMentioned, actor.user.id, &content, c.id, Data(c),
            c.internal},
           fresh, now);
    return c;
  });
}

Result<void> Comments::Delete(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto loaded = LoadComment(tx, actor.user.id, id);
    if (!loaded) return std::move(loaded).error();
    const auto& c = loaded->comment;
    const bool own = c.author_id == actor.user.id && loaded->on.Can(Action::kComment);
    if (!own && !loaded->on.Can(Action::kModerateComments))
      return Error::Forbidden("Only its author or an admin may delete a comment.");
    storage::DeleteComment(tx, id);
    storage::AppendEvent(tx, c.workspace_id, actor.user.id, "comment.deleted", c.content_id,
                         json::serialize(json::object{{"comment", c.id}}), NowMs());
    return {};
  });
}

Result<Thread> Comments::SetResolved(const auth::Actor& actor, const std::string& id,
                                     bool resolved) {
  return db_.Write([&](Tx& tx) -> Result<Thread> {
    auto loaded = LoadComment(tx, actor.user.id, id);
    if (!loaded) return std::move(loaded).error();
    if (!loaded->on.Can(Action::kComment))
      return Error::Forbidden("You may not resolve threads here.");
    CommentRecord root = loaded->comment;
    if (root.parent_id) {
      auto found = storage::FindComment(tx, *root.parent_id);
      if (!found) return Error::Internal("reply " + id + " has no thread");
      root = std::move(*found);
    }
    const TimeMs now = NowMs();
    if (root.resolved_at.has_value() != resolved) {
      root.resolved_at = resolved ? std::optional<TimeMs>(now) : std::nullopt;
      root.resolved_by = resolved ? std::optional<std::string>(actor.user.id) : std::nullopt;
      root.updated_at = now;
      storage::UpdateComment(tx, root);
      storage::AppendEvent(tx, root.workspace_id, actor.user.id,
                           resolved ? "comment.resolved" : "comment.reopened", root.content_id,
                           json::serialize(json::object{{"comment", root.id}}), now);
    }
    Thread thread{root, {}};
    for (auto& c : storage::ListComments(tx, root.content_id)) {
      if (c.parent_id == root.id) thread.replies.push_back(std::move(c));
    }
    return thread;
  });
}

}  // namespace copydesk::collab

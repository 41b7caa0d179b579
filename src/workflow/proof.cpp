#include "workflow/proof.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <map>
#include <set>

#include "content/snapshot.hpp"
#include "content/variants.hpp"
#include "storage/contents_store.hpp"
#include "storage/files_store.hpp"

namespace copydesk::workflow {

namespace json = boost::json;

namespace {

json::value Parse(const std::string& text) {
  std::error_code ec;
  auto v = json::parse(text, ec);
  return ec ? json::value(nullptr) : v;
}

json::object ObjectOf(const std::string& text) {
  auto v = Parse(text);
  return v.is_object() ? v.as_object() : json::object{};
}

std::string StringOf(const json::value* v) {
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The files a revision records, by sha256, in order.
std::vector<std::string> FileHashes(const std::string& attachments_json) {
  std::vector<std::string> out;
  auto v = Parse(attachments_json);
  if (!v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_object()) out.push_back(StringOf(item.as_object().if_contains("sha256")));
  }
  return out;
}

// Why a decision given on another text does not hold for the proven revision.
std::string StaleBecause(const storage::ApprovalRecord& a,
                         const std::vector<storage::RevisionRecord>& oldest_first,
                         std::int64_t proven) {
  const std::string given = "Given on revision " + std::to_string(a.revision);
  if (a.revision > proven) {
    return given + ", whose text or files differ from revision " + std::to_string(proven) +
           " that this proof covers.";
  }
  // The first revision after the decision whose text or files differ from what was decided on.
  const storage::RevisionRecord* decided = nullptr;
  for (const auto& r : oldest_first) {
    if (r.number == a.revision) decided = &r;
    if (!decided || r.number <= a.revision || r.content_hash == a.content_hash) continue;
    const bool text = r.title != decided->title ||
                      ObjectOf(r.fields_json) != ObjectOf(decided->fields_json) ||
                      ObjectOf(r.variants_json) != ObjectOf(decided->variants_json);
    const bool files = FileHashes(r.attachments_json) != FileHashes(decided->attachments_json);
    const std::string what = text && files ? "the text and the files"
                             : files       ? "the files"
                                           : "the text";
    return given + "; revision " + std::to_string(r.number) + " changed " + what +
           " after it. An approval holds only for the exact text and files it was given on.";
  }
  return given + ", whose text or files differ from revision " + std::to_string(proven) + ".";
}

// A proof missing a member, or with one of the wrong kind, is malformed input (400), as a JSON
// body that breaks its schema is everywhere else.
Error ProofFault(const std::string& field, const std::string& message) {
  return Error::BadRequest("This is not a copydesk proof: " + field + " " + message + ".",
                           {{field, message}});
}

}  // namespace

std::string RevisionSnapshotHash(const storage::RevisionRecord& revision) {
  return content::ContentHash(revision.title, ObjectOf(revision.fields_json),
                              revision.attachments_json, revision.variants_json);
}

Result<Proof> GatherProof(storage::Database& db, const auth::Actor& actor, const std::string& id,
                          TimeMs now) {
  content::Contents contents(db);
  auto view = contents.Get(actor, id);
  if (!view) return std::move(view).error();
  Proof proof;
  proof.generated_at = now;
  proof.validated = view->approvals.validated_revision.has_value();
  const std::int64_t number = view->approvals.validated_revision.value_or(view->content.revision);
  if (proof.validated && number != view->content.revision) {
    auto diff = contents.Diff(actor, id, number, view->content.revision);
    if (!diff) return std::move(diff).error();
    proof.changes = ProofChanges{view->content.revision, std::move(*diff)};
  }
  auto gathered = db.Read([&](storage::Tx& tx) -> Result<void> {
    auto workspace = storage::FindWorkspace(tx, view->content.workspace_id);
    if (!workspace) return Error::NotFound();
    proof.workspace = *workspace;
    auto revisions = storage::ListRevisions(tx, id, /*with_text=*/true);
    std::reverse(revisions.begin(), revisions.end());
    const auto proven = std::find_if(revisions.begin(), revisions.end(),
                                     [&](const auto& r) { return r.number == number; });
    if (proven == revisions.end()) return Error::NotFound("No such revision.");
    proof.revision = *proven;
    proof.hash = RevisionSnapshotHash(proof.revision);
    proof.fields = ObjectOf(proof.revision.fields_json);
    {
      storage::ContentRecord at = view->content;
      at.variants_json = proof.revision.variants_json;
      proof.variants = content::VariantsOf(at, storage::ListChannels(tx, at.workspace_id));
    }
    auto files = Parse(proof.revision.attachments_json);
    if (files.is_array()) {
      for (const auto& item : files.as_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.as_object();
        ProofFile f;
        f.attachment_id = StringOf(o.if_contains("attachment_id"));
        f.media_id = StringOf(o.if_contains("media_id"));
        f.name = StringOf(o.if_contains("name"));
        f.sha256 = StringOf(o.if_contains("sha256"));
        const auto* media = o.if_contains("media_id");
        const auto* version = o.if_contains("version");
        if (version && version->is_int64()) f.version = version->as_int64();
        if (media && media->is_string() && version && version->is_int64()) {
          if (auto v = storage::FindMediaVersion(tx, std::string(media->as_string()),
                                                 version->as_int64())) {
            f.size = v->size;
            f.type = v->mime;
          }
        }
        proof.files.push_back(std::move(f));
      }
    }
    auto approvals = storage::ListApprovals(tx, id);
    std::sort(approvals.begin(), approvals.end(),
              [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
    for (auto& a : approvals) {
      ProofDecision d;
      d.stale = a.content_hash != proven->content_hash;
      if (d.stale) d.stale_because = StaleBecause(a, revisions, number);
      if (a.link_id) d.link = storage::FindShareLink(tx, *a.link_id);
      d.approval = std::move(a);
      proof.decisions.push_back(std::move(d));
    }
    std::map<std::string, std::string> status_names;
    for (const auto& s : storage::ListStatuses(tx, view->content.workspace_id))
      status_names[s.id] = s.name;
    storage::EventQuery q;
    q.workspace_id = view->content.workspace_id;
    q.subject_id = id;
    q.kind_prefix = "content.status_changed";
    q.limit = 1000;
    auto events = storage::ListEvents(tx, q);
    std::reverse(events.begin(), events.end());
    for (const auto& e : events) {
      const auto data = ObjectOf(e.data_json);
      ProofStep step;
      step.at = e.created_at;
      step.by = e.actor_name;
      const auto name = [&](const char* key) -> std::optional<std::string> {
        const std::string status_id = StringOf(data.if_contains(key));
        if (status_id.empty()) return std::nullopt;
        return status_names.contains(status_id) ? status_names.at(status_id) : status_id;
      };
      step.from = name("from");
      step.to = name("to");
      if (const auto to_name = StringOf(data.if_contains("to_name")); !to_name.empty())
        step.to = to_name;
      step.comment = StringOf(data.if_contains("comment"));
      proof.trail.push_back(std::move(step));
    }
    return {};
  });
  if (!gathered) return std::move(gathered).error();
  proof.view = std::move(*view);
  return proof;
}

Result<ProofVerdict> VerifyProof(storage::Database& db, const auth::Actor& actor,
                                 const json::value& proof, const StoredFileHash& stored) {
  if (!proof.is_object()) return ProofFault("proof", "must be an object");
  const auto& p = proof.as_object();
  const auto* content = p.if_contains("content");
  const auto* revision = p.if_contains("revision");
  if (!content || !content->is_object()) return ProofFault("content", "is required");
  if (!revision || !revision->is_object()) return ProofFault("revision", "is required");
  const std::string id = StringOf(content->as_object().if_contains("id"));
  if (id.empty()) return ProofFault("content.id", "is required");
  const auto* number = revision->as_object().if_contains("number");
  if (!number || !number->is_int64()) return ProofFault("revision.number", "must be an integer");
  const std::string hash = StringOf(revision->as_object().if_contains("hash"));
  if (hash.size() != 64) return ProofFault("revision.hash", "must be a SHA-256 in hexadecimal");

  content::Contents contents(db);
  auto view = contents.Get(actor, id);
  if (!view) return std::move(view).error();
  auto stored_revision = contents.Revision(actor, id, number->as_int64());
  if (!stored_revision) {
    if (stored_revision.error().kind == ErrorKind::kNotFound)
      return Error{ErrorKind::kNotFound,
                   "This content has no revision " + std::to_string(number->as_int64()) + ".",
                   {{"revision.number", "does not exist"}}};
    return std::move(stored_revision).error();
  }
  ProofVerdict verdict;
  verdict.content = view->content;

  // The text: its canonical snapshot hashed again from the stored revision.
  const std::string now_hash = RevisionSnapshotHash(*stored_revision);
  verdict.checks.push_back(
      {"revision_hash", now_hash == hash,
       now_hash == hash ? "Revision " + std::to_string(stored_revision->number) +
                              " as stored now hashes to the proof's " + hash + "."
                        : "Revision " + std::to_string(stored_revision->number) +
                              " as stored now hashes to " + now_hash + ", not the proof's " + hash +
                              ": what is stored is not what the proof states."});

  // The files: the revision's list is part of the hash above; their bytes are hashed again.
  std::vector<std::string> problems;
  const auto recorded = FileHashes(stored_revision->attachments_json);
  for (const auto& sha : recorded) {
    const auto actual = stored(sha);
    if (!actual) {
      problems.push_back("the file " + sha + " is missing from the store");
    } else if (*actual != sha) {
      problems.push_back("the file " + sha + " no longer has those bytes (now " + *actual + ")");
    }
  }
  std::vector<std::string> claimed;
  if (const auto* list = revision->as_object().if_contains("attachments"); list && list->is_array())
    for (const auto& item : list->as_array())
      if (item.is_object()) claimed.push_back(StringOf(item.as_object().if_contains("sha256")));
  if (claimed != recorded) problems.push_back("the proof lists other files than the revision");
  std::string files_detail = std::to_string(recorded.size()) + " file(s) checked";
  for (const auto& problem : problems) files_detail += "; " + problem;
  verdict.checks.push_back({"attachments", problems.empty(), files_detail + "."});

  // The decisions: each one the proof lists is still recorded as it says.
  auto approvals = db.Read([&](storage::Tx& tx) { return storage::ListApprovals(tx, id); });
  std::map<std::string, const storage::ApprovalRecord*> by_id;
  for (const auto& a : approvals) by_id[a.id] = &a;
  std::vector<std::string> wrong;
  std::size_t listed = 0;
  if (const auto* list = p.if_contains("approvals"); list && list->is_array()) {
    for (const auto& item : list->as_array()) {
      if (!item.is_object()) continue;
      ++listed;
      const auto& o = item.as_object();
      const std::string approval_id = StringOf(o.if_contains("id"));
      const auto found = by_id.find(approval_id);
      if (found == by_id.end()) {
        wrong.push_back("a decision of the proof is no longer recorded");
        continue;
      }
      const auto& a = *found->second;
      const auto* at_revision = o.if_contains("revision");
      const bool same = StringOf(o.if_contains("decision")) == a.decision && at_revision &&
                        at_revision->is_int64() && at_revision->as_int64() == a.revision;
      const bool valid_claimed = StringOf(o.if_contains("state")) == "valid";
      if (!same) {
        wrong.push_back("the decision " + a.id + " is recorded differently");
      } else if (valid_claimed && a.content_hash != now_hash) {
        wrong.push_back("the decision " + a.id + " was not given on the revision as stored now");
      }
    }
  }
  std::string decisions_detail = std::to_string(listed) + " decision(s) checked";
  for (const auto& w : wrong) decisions_detail += "; " + w;
  verdict.checks.push_back({"approvals", wrong.empty(), decisions_detail + "."});

  verdict.matches =
      std::all_of(verdict.checks.begin(), verdict.checks.end(), [](const auto& c) { return c.ok; });
  return verdict;
}

}  // namespace copydesk::workflow

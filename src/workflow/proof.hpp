#pragma once

// The proof pack's facts: which revision the workflow's approvals validated, its hash, every
// decision taken on the content (still valid for that text or stale, and why), the status
// changes, and what changed since. And the check of a proof against what the database holds
// now. Presenting them (JSON twin) is api/present/proof.*; laying them out as a PDF is
// convert/proof.*.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "content/contents.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/shares_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::workflow {

//! One file the proven revision goes out with.
struct ProofFile {
  std::string attachment_id;  //!< as the revision records it (part of the canonical snapshot)
  std::string media_id;
  std::int64_t version = 0;
  std::string name;
  std::string sha256;
  std::int64_t size = 0;
  std::string type;  //!< its media type, as detected when uploaded
};

//! One decision on the content, judged against the proven revision.
struct ProofDecision {
  storage::ApprovalRecord approval;
  std::optional<storage::ShareLinkRecord> link;  //!< the review link a visitor decided through
  bool stale = false;         //!< not given on the proven revision's exact text and files
  std::string stale_because;  //!< with stale: why, in words
};

//! One status change of the content.
struct ProofStep {
  TimeMs at = 0;
  std::string by;                       //!< who moved it
  std::optional<std::string> from, to;  //!< status names (from: none for the first one)
  std::string comment;
};

//! The changes made since the proven revision, when the text moved on.
struct ProofChanges {
  std::int64_t current_revision = 0;
  std::vector<content::FieldDiff> fields;  //!< content::Contents::Diff's comparison
};

//! Everything a proof pack states.
struct Proof {
  TimeMs generated_at = 0;
  storage::WorkspaceRecord workspace;
  content::ContentView view;         //!< the content as it is now
  bool validated = false;            //!< the revision is the one every asked approval holds
  storage::RevisionRecord revision;  //!< the proven revision (the validated one, else current)
  std::string hash;                  //!< SHA-256 of its canonical snapshot, recomputed now
  boost::json::object fields;        //!< its fields, as stored
  std::vector<content::VariantView> variants;  //!< its channel variants, in channel order
  std::vector<ProofFile> files;
  std::vector<ProofDecision> decisions;  //!< oldest first
  std::vector<ProofStep> trail;          //!< oldest first
  std::optional<ProofChanges> changes;
};

//! The hash a proof states for a revision: SHA-256 of the canonical snapshot of its title,
//! fields and files (content::ContentHash), computed from the stored revision, never read from
//! the stored hash column.
std::string RevisionSnapshotHash(const storage::RevisionRecord& revision);

//! Gathers the proof of content `id` for a reader of it: its validated revision (the current one
//! when none is validated) and everything around it.
Result<Proof> GatherProof(storage::Database& db, const auth::Actor& actor, const std::string& id,
                          TimeMs now);

//! One check of a proof against the database.
struct ProofCheck {
  std::string what;  //!< "revision_hash", "attachments" or "approvals"
  bool ok = false;
  std::string detail;
};

//! The verdict on a proof.
struct ProofVerdict {
  bool matches = false;  //!< every check passed
  std::vector<ProofCheck> checks;
  storage::ContentRecord content;
};

//! The SHA-256 of a stored file's bytes as they are now (nullopt when the file is missing).
using StoredFileHash = std::function<std::optional<std::string>(const std::string& sha256)>;

//! Checks a proof's JSON twin against what the database and the file store hold now, for a
//! reader of its content: the revision's hash recomputed from its stored text and files, each
//! file's bytes hashed again, and each decision the proof lists still recorded as stated. 400
//! naming the member of the proof that is missing or malformed.
Result<ProofVerdict> VerifyProof(storage::Database& db, const auth::Actor& actor,
                                 const boost::json::value& proof, const StoredFileHash& stored);

}  // namespace copydesk::workflow

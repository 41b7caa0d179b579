#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace copydesk::search {

//! Value slots of a content's document.
inline constexpr Xapian::valueno kSlotUpdated = 0;
inline constexpr Xapian::valueno kSlotPublish = 1;
inline constexpr Xapian::valueno kSlotDue = 2;
inline constexpr Xapian::valueno kSlotFacets = 3;  //!< "T<type>\x1fS<status>\x1fC<channel>…"
//! The earliest date still to be met by a content not published yet: late once it has passed.
inline constexpr Xapian::valueno kSlotNextPublication = 4;

//! Term prefixes. Boolean terms hold ids (or folded tags); text terms come from TermGenerator.
namespace prefix {
inline constexpr const char* kId = "Q";
inline constexpr const char* kWorkspace = "XW";  //!< the content's workspace (scope)
inline constexpr const char* kStaff = "XAW";     //!< readable by the workspace's staff
inline constexpr const char* kType = "XY";
inline constexpr const char* kStatus = "XS";
inline constexpr const char* kChannel = "XC";  //!< the channel and each of its ancestors
inline constexpr const char* kTag = "K";       //!< folded tag
inline constexpr const char* kOwner = "XO";
inline constexpr const char* kAssignee = "XU";
inline constexpr const char* kProject = "XP";
inline constexpr const char* kLanguage = "L";
inline constexpr const char* kArchived = "XR";  //!< "XR1" archived, "XR0" live
inline constexpr const char* kTitle = "S";      //!< title words (title:…)
//! "XBpublished", "XBdated" (not published, has a date) or "XBundated"; late is a range of
//! kSlotNextPublication, since it depends on when one asks.
inline constexpr const char* kPublication = "XB";
//! "XNmissing", "XNout_of_date": the `translation` filter's states (content/translations.hpp).
inline constexpr const char* kTranslation = "XN";
}  // namespace prefix

//! Metadata key of the last event sequence the index reflects.
inline constexpr const char* kLastSeqKey = "copydesk.last_seq";
//! Metadata key: how the index's documents were made (words, fields, values), kIndexFormat.
inline constexpr const char* kFormatKey = "copydesk.format";
//! The format this copydesk writes; an index of another format is rebuilt when the server starts
//! (searches use the old one meanwhile). Raise it whenever the analysis of words or what a
//! document holds changes. 2: the publication terms and slot (issue 16); 3: "_" splits words, as
//! everywhere else in the analysis; 4: the translation terms (issue 20) and words as written
//! besides their stems (issue 19); 5: variants' text in the body (issue 20).
inline constexpr const char* kIndexFormat = "5";

//! The search index of a data folder: `<data>/search/CURRENT` names the folder in use, so a
//! rebuild can be written beside it and swapped in while the server keeps serving. Readers are
//! pooled (a Xapian::Database is not shared between threads) and follow swaps and commits.
class SearchIndex {
 public:
  //! `root` is `<data>/search` (created when missing).
  explicit SearchIndex(std::filesystem::path root);
  ~SearchIndex();

  //! The folder in use, or nullopt before the first build.
  std::optional<std::filesystem::path> CurrentFolder() const;
  //! A new, empty folder for a rebuild ("building-…": never taken for a stale index).
  std::filesystem::path NewFolder() const;
  //! Renames a finished build to "index-…" and makes it the one in use (an atomic rename of
  //! CURRENT), then deletes indexes older than the one it replaces. The build's database must be
  //! closed.
  void Publish(const std::filesystem::path& building) const;
  //! Deletes finished indexes other than the one in use (left behind by swaps).
  void RemoveStaleFolders() const;

  //! Runs `fn(const Xapian::Database&)` on the newest committed state of the index in use (an
  //! empty database before the first build), retrying when the writer moved on meanwhile.
  template <class F>
  auto Read(F&& fn) {
    for (int attempt = 0;; ++attempt) {
      try {
        auto reader = Acquire();
        auto out = fn(static_cast<const Xapian::Database&>(reader->db));
        Release(std::move(reader));
        return out;
      } catch (const Xapian::DatabaseError&) {
        // Modified under us by the writer, or swapped away while opening: try the newest.
        if (attempt >= 4) throw;
      }
    }
  }

  const std::filesystem::path& root() const { return root_; }

 private:
  struct Reader {
    std::string folder;
    Xapian::Database db;
  };
  std::unique_ptr<Reader> Acquire();
  void Release(std::unique_ptr<Reader> reader);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> pool_;
};

}  // namespace copydesk::search

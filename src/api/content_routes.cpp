#include <charconv>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_filter.hpp"
#include "api/content_json.hpp"
#include "api/present/diff.hpp"
#include "api/remembered.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// The base version of a write: "base_version" in the body, else an If-Match header ("v3", 3).
Result<std::int64_t> BaseVersion(const http::Request& req,
                                 const std::optional<std::int64_t>& from_body) {
  if (from_body) return *from_body;
  auto header = req.Header("If-Match");
  if (!header) {
    return Error::InvalidField("base_version",
                               "is required: send the version your change is based on");
  }
  std::string_view v = *header;
  if (v.rfind("W/", 0) == 0) v.remove_prefix(2);
  if (!v.empty() && v.front() == '"') v.remove_prefix(1);
  if (!v.empty() && v.back() == '"') v.remove_suffix(1);
  if (!v.empty() && v.front() == 'v') v.remove_prefix(1);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) {
    return Error::BadRequest("If-Match must carry a content version such as \"v3\".",
                             {{"If-Match", "is not a version"}});
  }
  return n;
}

Result<std::int64_t> RevisionNumber(const std::string& text, const std::string& name) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
    return Error::BadRequest(name + " must be a revision number (1 or more).",
                             {{name, "must be a revision number"}});
  }
  return n;
}

// A change of a content, with the base version when the body names it (else If-Match says it).
struct ContentChange {
  std::optional<std::int64_t> base_version;
  content::ContentInput input;
};
ContentChange ReadContentChange(JsonInput& in) {
  ContentChange out;
  out.base_version = in.Int("base_version");
  out.input = ReadContentInput(in, false);
  return out;
}

// The revision number in the path, read with Query() as a query parameter would be: once the
// caller is known, before the domain is asked.
Result<std::int64_t> PathRevision(const http::Request& req) {
  return RevisionNumber(req.Param("n"), "n");
}

// A revision's label: a null one takes the label off.
std::string ReadLabel(JsonInput& in) {
  if (in.IsNull("label")) {
    in.Raw("label");
    return "";
  }
  return in.String("label", JsonInput::kRequired, 2000).value_or("");
}

struct Labelling {
  std::int64_t revision = 0;
  std::string label;
};
// The revision number in the path is checked before the body is read.
Step ReadLabelling() {
  return [read_label = Body(ReadLabel)](Call& c) -> Result<void> {
    auto n = PathRevision(c.request);
    if (!n) return std::move(n).error();
    if (auto read = read_label(c); !read) return read;
    Labelling labelling{*n, std::move(c.input<std::string>())};
    c.SetInput(std::move(labelling));
    return {};
  };
}

struct DiffRange {
  std::int64_t from = 0, to = 0;
};
Result<DiffRange> ReadDiffRange(const http::Request& req) {
  auto from_text = req.QueryParam("from");
  auto to_text = req.QueryParam("to");
  if (!from_text || !to_text) {
    return Error::BadRequest("from and to are required revision numbers.",
                             {{from_text ? "to" : "from", "is required"}});
  }
  auto from = RevisionNumber(*from_text, "from");
  if (!from) return std::move(from).error();
  auto to = RevisionNumber(*to_text, "to");
  if (!to) return std::move(to).error();
  return DiffRange{*from, *to};
}

// The revision to restore; its range is checked once the body is known to be well-formed.
Result<std::int64_t> ReadRestore(JsonInput& in) {
  auto revision = in.Int("revision", JsonInput::kRequired);
  if (revision && *revision < 1)
    return Error::InvalidField("revision", "must be a revision number (1 or more)");
  return revision.value_or(0);
}

}  // namespace

void AddContentRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  const auto set_archived = [&s](bool archived) {
    return [&s, archived](Call& c) {
      return PresentContent(s.contents.SetArchived(c.actor(), c.param("id"), archived));
    };
  };

  Mount(router,
        {
            {"GET", "/api/v1/workspaces/{ws}/contents", member, Query(ReadListFilter),
             Remembered(s.db,
                        [&s](Call& c) {
                          return ContentPageResponse(s.contents.List(
                              c.actor(), c.param("ws"), c.input<content::ListFilter>()));
                        })},
            {"POST", "/api/v1/workspaces/{ws}/contents", member,
             Body([](JsonInput& in) { return ReadContentInput(in, true); }),
             [&s](Call& c) {
               return PresentContent(s.contents.Create(c.actor(), c.param("ws"),
                                                       std::move(c.input<content::ContentInput>())),
                                     201);
             }},
            {"GET",
             "/api/v1/contents/{id}",
             member,
             {},
             [&s](Call& c) { return PresentContent(s.contents.Get(c.actor(), c.param("id"))); }},
            {"PATCH", "/api/v1/contents/{id}", member, Body(ReadContentChange),
             [&s](Call& c) -> Result<http::Response> {
               auto& change = c.input<ContentChange>();
               auto base = BaseVersion(c.request, change.base_version);
               if (!base) return std::move(base).error();
               return PresentContent(
                   s.contents.Update(c.actor(), c.param("id"), *base, std::move(change.input)));
             }},
            // DELETE archives: nothing is lost by a click; purge is a separate, deliberate step.
            {"DELETE", "/api/v1/contents/{id}", member, {}, set_archived(true)},
            {"POST", "/api/v1/contents/{id}/unarchive", member, {}, set_archived(false)},
            {"POST",
             "/api/v1/contents/{id}/purge",
             member,
             {},
             [&s](Call& c) { return Done(s.contents.Purge(c.actor(), c.param("id"))); }},
            {"GET",
             "/api/v1/contents/{id}/revisions",
             member,
             {},
             [&s](Call& c) {
               return Present(
                   s.contents.Revisions(c.actor(), c.param("id")), [](const auto& revisions) {
                     return ItemsJson(revisions,
                                      [](const auto& r) { return RevisionJson(r, false); });
                   });
             }},
            {"GET", "/api/v1/contents/{id}/revisions/{n}", member, Query(PathRevision),
             [&s](Call& c) {
               return Present(
                   s.contents.Revision(c.actor(), c.param("id"), c.input<std::int64_t>()),
                   [](const auto& revision) { return RevisionJson(revision, true); });
             }},
            {"PUT", "/api/v1/contents/{id}/revisions/{n}/label", member, ReadLabelling(),
             [&s](Call& c) {
               const auto& in = c.input<Labelling>();
               return Present(s.contents.Label(c.actor(), c.param("id"), in.revision, in.label),
                              [](const auto& revision) { return RevisionJson(revision, false); });
             }},
            {"GET", "/api/v1/contents/{id}/diff", member, Query(ReadDiffRange),
             [&s](Call& c) {
               const auto range = c.input<DiffRange>();
               return Present(
                   s.contents.Diff(c.actor(), c.param("id"), range.from, range.to),
                   [range](const auto& fields) { return DiffJson(range.from, range.to, fields); });
             }},
            {"POST", "/api/v1/contents/{id}/restore", member, Body(ReadRestore),
             [&s](Call& c) {
               return PresentContent(
                   s.contents.Restore(c.actor(), c.param("id"), c.input<std::int64_t>()));
             }},
        });
}

}  // namespace copydesk::api
